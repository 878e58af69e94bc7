package com.slaledger.notification.notice;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResendPolicyTest {

    private final ResendPolicy policy = new ResendPolicy(Duration.ofMinutes(1));
    private final Instant resent = Instant.parse("2026-10-03T16:00:00Z");

    @Test
    void aNoticeNeverResentMayBeResent() {
        assertThat(policy.waitBeforeResend(null, resent)).isEmpty();
    }

    @Test
    void withinTheIntervalTheWaitIsWhatRemains() {
        // resent at 16:00:00, asked again at 16:00:20: 40 s to go
        assertThat(policy.waitBeforeResend(resent, Instant.parse("2026-10-03T16:00:20Z")))
                .contains(Duration.ofSeconds(40));
        assertThat(policy.waitBeforeResend(resent, resent)).contains(Duration.ofMinutes(1));
    }

    @Test
    void fromTheEndOfTheIntervalOnItMayBeResent() {
        assertThat(policy.waitBeforeResend(resent, Instant.parse("2026-10-03T16:01:00Z")))
                .isEmpty();
        assertThat(policy.waitBeforeResend(resent, Instant.parse("2026-10-03T17:00:00Z")))
                .isEmpty();
    }
}
