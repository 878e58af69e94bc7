package com.slaledger.notification.delivery;

import java.util.Collection;

import com.slaledger.notification.notice.Delivery;
import com.slaledger.notification.notice.DeliveryStatus;
import com.slaledger.notification.notice.NoticeStatus;
import io.vertx.ext.mail.SMTPException;

/**
 * The rules of a notice's delivery (SPEC §8), in one place: a recipient the SMTP server refuses
 * for good (a 5xx reply) is FAILED and the others still get the notice; anything else (a 4xx
 * reply, no connection) leaves it PENDING for the next attempt; a notice none of whose
 * recipients is pending any more is SENT when anybody got it and FAILED when every one was
 * refused.
 */
public final class DeliveryPolicy {

    private DeliveryPolicy() {}

    /** What a failed send to {@code recipient} means: refused for good on a 5xx reply, else to retry. */
    public static Delivery failed(String recipient, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp && smtp.isPermanent()) {
                return new Delivery(
                        recipient, DeliveryStatus.FAILED, smtp.getReplyCode() + " " + smtp.getReplyMessage());
            }
        }
        return new Delivery(recipient, DeliveryStatus.PENDING, e.toString());
    }

    /** Whether some recipient is still to be tried. */
    public static boolean retry(Collection<Delivery> deliveries) {
        return deliveries.stream().anyMatch(d -> d.status() == DeliveryStatus.PENDING);
    }

    /** A notice with nobody pending: SENT if anybody got it (now or before), FAILED if all were refused. */
    public static NoticeStatus settled(Collection<Delivery> deliveries) {
        return deliveries.stream().anyMatch(d -> d.status() == DeliveryStatus.SENT)
                ? NoticeStatus.SENT
                : NoticeStatus.FAILED;
    }
}
