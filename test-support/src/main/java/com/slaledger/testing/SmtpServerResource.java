package com.slaledger.testing;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free loopback port for a {@code @QuarkusTest}, behind a
 * {@link RejectingSmtpFront} that refuses addresses starting with "bounce" (550); the service's
 * Quarkus Mailer is pointed at the front. Tests read what arrived through {@link #greenMail()}.
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail greenMail;
    private static volatile int port;
    private static volatile RejectingSmtpFront front;

    /** Addresses the test server refuses for good (550), as a mail server does an unknown mailbox. */
    public static final String REJECTED = "^bounce";

    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        var setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        greenMail = new GreenMail(setup);
        greenMail.start();
        port = greenMail.getSmtp().getPort();
        try {
            front = new RejectingSmtpFront(0, port, Pattern.compile(REJECTED));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(front.port()),
                "quarkus.mailer.mock", "false");
    }

    /** Takes the SMTP server away (connections refused), as an outage would. */
    public static void outage() {
        greenMail.stop();
        try {
            front.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
        front.closeSessions();
    }

    /** Brings the SMTP server back on the same ports, with an empty mailbox. */
    public static void recover() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            front = new RejectingSmtpFront(front.port(), port, Pattern.compile(REJECTED));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (front != null) {
            try {
                front.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
