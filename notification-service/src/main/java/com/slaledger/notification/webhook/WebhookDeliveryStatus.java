package com.slaledger.notification.webhook;

/** Where one event's delivery to one subscription stands. */
public enum WebhookDeliveryStatus {
    /** Not answered with a 2xx yet: tried again after the back-off. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up for good: the receiver said 410 Gone, or the URL is refused by the address rule. */
    FAILED
}
