package com.slaledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flame graph (SVG) of a JFR recording's CPU samples ({@code jdk.ExecutionSample}), optionally
 * only of threads whose name contains a word, and the top frames by self time as text: the
 * profile the benchmark document shows for a stage that misses its target. The SVG is static (a
 * tooltip per frame through its title), so it renders anywhere, including in the repository view.
 *
 * <p>Usage: {@code FlameGraph <recording.jfr> <out.svg> <title> [thread-name-part]}
 */
public final class FlameGraph {

    private static final int WIDTH = 1200;
    private static final int ROW = 16;

    /** A node of the call tree: samples in it and under it, children by frame name. */
    private static final class Node {
        long total;
        long self;
        final Map<String, Node> children = new TreeMap<>();
    }

    private FlameGraph() {}

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String title = args[2];
        String thread = args.length > 3 ? args[3] : null;
        Node root = new Node();
        Map<String, Long> selfTime = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            if (thread != null) {
                var t = e.getThread("sampledThread");
                if (t == null || t.getJavaName() == null || !t.getJavaName().contains(thread)) {
                    continue;
                }
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            Node node = root;
            root.total++;
            for (int i = frames.size() - 1; i >= 0; i--) {
                node = node.children.computeIfAbsent(name(frames.get(i)), k -> new Node());
                node.total++;
            }
            node.self++;
            selfTime.merge(name(frames.get(0)), 1L, Long::sum);
        }
        int depth = depth(root, 0);
        int height = (depth + 2) * ROW + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\""
                        + " font-size=\"11\">%n<text x=\"6\" y=\"16\" font-size=\"14\">%s (%d samples)</text>%n",
                WIDTH,
                height,
                escape(title),
                root.total));
        draw(svg, root, "all", 0, WIDTH, height - ROW, root.total);
        svg.append("</svg>\n");
        Files.writeString(out, svg);
        System.out.printf("flamegraph %s samples=%d depth=%d%n", out, root.total, depth);
        selfTime.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(en -> System.out.printf(
                        Locale.ROOT,
                        "profile self %5.1f%% %s%n",
                        100.0 * en.getValue() / Math.max(1, root.total),
                        en.getKey()));
    }

    private static void draw(StringBuilder svg, Node node, String name, double x, double width, int y, long all) {
        if (width < 0.3) {
            return;
        }
        int hue = Math.abs(name.hashCode()) % 40;
        svg.append(String.format(
                Locale.ROOT,
                "<g><title>%s (%d samples, %.1f%%)</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"hsl(%d,85%%,60%%)\" stroke=\"white\" stroke-width=\"0.3\"/>",
                escape(name),
                node.total,
                100.0 * node.total / Math.max(1, all),
                x,
                y,
                width,
                ROW - 1,
                10 + hue));
        if (width > 40) {
            int chars = (int) (width / 6.6);
            String label = name.length() > chars ? name.substring(0, Math.max(0, chars - 2)) + ".." : name;
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4, escape(label)));
        }
        svg.append("</g>\n");
        double cx = x;
        List<Map.Entry<String, Node>> children = new ArrayList<>(node.children.entrySet());
        for (Map.Entry<String, Node> c : children) {
            double w = width * c.getValue().total / Math.max(1, node.total);
            draw(svg, c.getValue(), c.getKey(), cx, w, y - ROW, all);
            cx += w;
        }
    }

    private static int depth(Node node, int d) {
        int max = d;
        for (Node c : node.children.values()) {
            max = Math.max(max, depth(c, d + 1));
        }
        return max;
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return (dot < 0 ? type : type.substring(dot + 1)) + "." + f.getMethod().getName();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
