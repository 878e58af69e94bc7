package com.slaledger.notification.delivery;

import java.io.IOException;
import java.util.List;

import com.slaledger.notification.notice.Delivery;
import com.slaledger.notification.notice.DeliveryStatus;
import com.slaledger.notification.notice.NoticeStatus;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    private static Delivery d(String r, DeliveryStatus s) {
        return new Delivery(r, s, "");
    }

    @Test
    void aFiveHundredReplyRefusesTheRecipientForGood() {
        var refused = new SMTPException("rcpt to", 550, List.of("550 5.1.1 no such user"), false);
        Delivery d = DeliveryPolicy.failed("bounce@x.example", new IllegalStateException("send failed", refused));
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.reply()).startsWith("550");
    }

    @Test
    void aFourHundredReplyOrNoConnectionIsTriedAgain() {
        var later = new SMTPException("rcpt to", 451, List.of("451 4.3.0 try again later"), false);
        assertThat(DeliveryPolicy.failed("a@x.example", later).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryPolicy.failed("a@x.example", new IOException("connection refused"))
                        .status())
                .isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aNoticeIsSentWhenAnybodyGotItAndFailedWhenEveryoneWasRefused() {
        var sent = d("a", DeliveryStatus.SENT);
        var refused = d("b", DeliveryStatus.FAILED);
        var pending = d("c", DeliveryStatus.PENDING);
        assertThat(DeliveryPolicy.settled(List.of(refused, sent))).isEqualTo(NoticeStatus.SENT);
        assertThat(DeliveryPolicy.settled(List.of(refused, refused))).isEqualTo(NoticeStatus.FAILED);
        assertThat(DeliveryPolicy.retry(List.of(sent, pending))).isTrue();
        assertThat(DeliveryPolicy.retry(List.of(sent, refused))).isFalse();
    }
}
