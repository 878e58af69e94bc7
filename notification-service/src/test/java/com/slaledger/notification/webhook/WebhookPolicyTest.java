package com.slaledger.notification.webhook;

import org.junit.jupiter.api.Test;

import static com.slaledger.notification.webhook.WebhookPolicy.Verdict.DELIVERED;
import static com.slaledger.notification.webhook.WebhookPolicy.Verdict.DISABLE;
import static com.slaledger.notification.webhook.WebhookPolicy.Verdict.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookPolicyTest {

    @Test
    void twoHundredsAreDeliveredFourTenDisablesTheRestIsRetried() {
        assertThat(WebhookPolicy.of(200)).isEqualTo(DELIVERED);
        assertThat(WebhookPolicy.of(204)).isEqualTo(DELIVERED);
        assertThat(WebhookPolicy.of(299)).isEqualTo(DELIVERED);
        assertThat(WebhookPolicy.of(410)).isEqualTo(DISABLE);
        assertThat(WebhookPolicy.of(301)).isEqualTo(RETRY);
        assertThat(WebhookPolicy.of(404)).isEqualTo(RETRY);
        assertThat(WebhookPolicy.of(429)).isEqualTo(RETRY);
        assertThat(WebhookPolicy.of(500)).isEqualTo(RETRY);
        assertThat(WebhookPolicy.of(null)).isEqualTo(RETRY);
    }
}
