package com.slaledger.notification.webhook;

/**
 * What a receiver's answer means (SPEC §18): a 2xx is delivered; a 410 Gone fails the delivery and
 * disables the subscription; anything else, or no answer, is tried again after the mail's back-off.
 * A pure function of the answer.
 */
public final class WebhookPolicy {

    /** What to do after an attempt. */
    public enum Verdict {
        DELIVERED,
        RETRY,
        DISABLE
    }

    private WebhookPolicy() {}

    /** The verdict on an HTTP status; null: no answer at all (no connection, a timeout). */
    public static Verdict of(Integer status) {
        if (status == null) {
            return Verdict.RETRY;
        }
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        return status == 410 ? Verdict.DISABLE : Verdict.RETRY;
    }
}
