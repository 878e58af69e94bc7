package com.slaledger.notification.notice;

public enum NoticeStatus {
    PENDING,
    SENT
}
