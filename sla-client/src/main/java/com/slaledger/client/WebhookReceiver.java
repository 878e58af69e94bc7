package com.slaledger.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on this machine's loopback, for the demo and the tests: it keeps every POST
 * it gets (headers, body) and answers each with the next status of its script (204 once the script
 * is used up). {@link #verify} checks a Standard Webhooks signature with the reference algorithm in
 * {@code deploy/local/standard-webhooks-verify.py}: Python's hmac, not this code base's signer.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST received: its headers (names in lower case) and body. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();

    private WebhookReceiver(String address, List<Integer> statuses) throws IOException {
        InetAddress bind = InetAddress.getByName(address);
        if (!bind.isLoopbackAddress()) {
            throw new IllegalArgumentException("a receiver listens on loopback only, not on " + address);
        }
        script.addAll(statuses);
        server = HttpServer.create(new InetSocketAddress(bind, 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(headers, body));
            int status;
            synchronized (script) {
                status = script.isEmpty() ? 204 : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Listens on {@code address} (a loopback address: 127.0.0.1, 127.0.0.2, ...) on a free port. */
    public static WebhookReceiver start(String address, Integer... statuses) throws IOException {
        return new WebhookReceiver(address, List.of(statuses));
    }

    /** The URL to subscribe: http://address:port/hook. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Whether {@code r} carries a valid Standard Webhooks signature for {@code secret}, as the
     * reference algorithm written in Python ({@code script}) says.
     */
    public static boolean verify(Path script, String secret, Received r) throws IOException, InterruptedException {
        Path body = Files.createTempFile("webhook-body", ".json");
        try {
            Files.writeString(body, r.body());
            Process p = new ProcessBuilder(
                            "python3",
                            script.toString(),
                            secret,
                            r.header("webhook-id"),
                            r.header("webhook-timestamp"),
                            r.header("webhook-signature"))
                    .redirectInput(body.toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the verifier did not finish");
            }
            return p.exitValue() == 0;
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
