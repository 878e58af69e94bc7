package com.slaledger.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Standard Webhooks signatures, against the specification's published test vector. */
class WebhookSignatureTest {

    /**
     * The vector of the Standard Webhooks reference libraries: secret
     * whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw (24 bytes), id msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp
     * 1614265330, body {"test": 2432232314}, signature v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=.
     */
    @Test
    void signsThePublishedVector() {
        assertThat(WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeChangesTheSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String base = WebhookSignature.sign(secret, "msg_1", 1614265330L, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_2", 1614265330L, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265331L, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265330L, "{ }")).isNotEqualTo(base);
    }

    @Test
    void refusesSecretsThatAreNotWhsecBase64OfTwentyFourToSixtyFourBytes() {
        assertThatThrownBy(() -> WebhookSignature.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_not base64!")).hasMessageContaining("base64");
        // 16 bytes: too short
        assertThatThrownBy(() -> WebhookSignature.key("whsec_AAAAAAAAAAAAAAAAAAAAAA=="))
                .hasMessageContaining("has 16");
        assertThat(WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .hasSize(24);
    }
}
