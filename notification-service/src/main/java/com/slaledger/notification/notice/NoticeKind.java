package com.slaledger.notification.notice;

public enum NoticeKind {
    SHORTFALL,
    WARNING,
    STATEMENT,
    CREDIT,
    DISPUTE,
    MAINTENANCE
}
