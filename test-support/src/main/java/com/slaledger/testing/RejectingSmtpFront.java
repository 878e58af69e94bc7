package com.slaledger.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server that rejects some recipients for good, as a mail server does a mailbox that
 * does not exist: it stands in front of another SMTP server (GreenMail, which accepts every
 * address), passes every line through, and answers {@code RCPT TO} for an address matching
 * {@code reject} itself with {@code 550 5.1.1}. Plain JDK, so the local stack can run it as its
 * mail sink's front door ({@code java -cp test-support.jar com.slaledger.testing.RejectingSmtpFront
 * PORT UPSTREAM_PORT REGEX}) and tests can start it in-process.
 */
public final class RejectingSmtpFront implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("(?i)^RCPT TO:\\s?<([^>]*)>.*");

    private final ServerSocket server;
    private final int upstreamPort;
    private final Pattern reject;
    private final Thread acceptor;
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();

    public RejectingSmtpFront(int port, int upstreamPort, Pattern reject) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.reject = reject;
        this.acceptor = new Thread(this::accept, "smtp-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "smtp-front-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Drops every open session, as a server that goes away does (tests call it with an outage). */
    public void closeSessions() {
        for (Socket s : sessions) {
            try {
                s.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
        sessions.clear();
    }

    private void serve(Socket client) {
        sessions.add(client);
        Socket upstream = null;
        try (client) {
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sessions.add(upstream);
            BufferedReader fromClient =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            BufferedReader fromUpstream =
                    new BufferedReader(new InputStreamReader(upstream.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream toClient = client.getOutputStream();
            OutputStream toUpstream = upstream.getOutputStream();
            relayReply(fromUpstream, toClient); // greeting
            boolean data = false;
            String line;
            while ((line = fromClient.readLine()) != null) {
                if (data) {
                    write(toUpstream, line);
                    if (line.equals(".")) {
                        data = false;
                        relayReply(fromUpstream, toClient);
                    }
                    continue;
                }
                Matcher rcpt = RCPT.matcher(line);
                if (rcpt.matches()
                        && reject.matcher(rcpt.group(1).toLowerCase(Locale.ROOT))
                                .find()) {
                    write(toClient, "550 5.1.1 <" + rcpt.group(1) + ">: mailbox unavailable");
                    continue;
                }
                write(toUpstream, line);
                String reply = relayReply(fromUpstream, toClient);
                if (line.toUpperCase(Locale.ROOT).startsWith("DATA") && reply.startsWith("354")) {
                    data = true;
                }
                if (line.toUpperCase(Locale.ROOT).startsWith("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client or the server went away: the session ends
        } finally {
            sessions.remove(client);
            if (upstream != null) {
                sessions.remove(upstream);
                try {
                    upstream.close();
                } catch (IOException e) {
                    // closing: nothing to do
                }
            }
        }
    }

    /** Copies one (possibly multi-line) reply; returns its last line. */
    private static String relayReply(BufferedReader from, OutputStream to) throws IOException {
        String line;
        do {
            line = from.readLine();
            if (line == null) {
                throw new IOException("upstream closed");
            }
            write(to, line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** {@code PORT UPSTREAM_PORT REGEX}: runs until killed. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RejectingSmtpFront PORT UPSTREAM_PORT REGEX");
            System.exit(2);
        }
        try (RejectingSmtpFront front = new RejectingSmtpFront(
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Pattern.compile(args[2]))) {
            System.out.println(
                    "SMTP on 127.0.0.1:" + front.port() + " -> 127.0.0.1:" + args[1] + ", rejecting " + args[2]);
            Thread.currentThread().join();
        }
    }
}
