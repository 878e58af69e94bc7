package com.slaledger.notification.notice;

/** SENT: at least one recipient got it; FAILED: every recipient was refused for good (SPEC §8). */
public enum NoticeStatus {
    PENDING,
    SENT,
    FAILED
}
