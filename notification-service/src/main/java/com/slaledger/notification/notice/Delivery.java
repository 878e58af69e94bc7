package com.slaledger.notification.notice;

/** How sending a notice to one recipient went; {@code reply} is the SMTP server's last word. */
public record Delivery(String recipient, DeliveryStatus status, String reply) {}
