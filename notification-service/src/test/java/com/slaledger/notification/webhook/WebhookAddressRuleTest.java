package com.slaledger.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook address rule (SPEC §18), judged without any lookup or connection: names resolve
 * through a table here, literals are parsed by InetAddress.getByAddress (which never looks
 * anything up).
 */
class WebhookAddressRuleTest {

    private final List<String> looked = new ArrayList<>();

    /** Resolves the names of the table and IP literals; never the network. */
    private WebhookAddressRule rule(Set<String> allowed, Map<String, String> names) {
        return new WebhookAddressRule(allowed, host -> {
            looked.add(host);
            String literal = names.getOrDefault(host, host);
            if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, bytes(literal))};
        });
    }

    private static byte[] bytes(String literal) throws UnknownHostException {
        // a literal is parsed, not resolved (no lookup for a numeric address)
        return InetAddress.getByName(literal).getAddress();
    }

    @Test
    void refusesTheCloudMetadataAddress() {
        WebhookAddressRule rule = rule(Set.of(), Map.of());
        assertThatThrownBy(() -> rule.check("https://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(WebhookAddressRule.Refused.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void refusesAPrivateAddress() {
        WebhookAddressRule rule = rule(Set.of(), Map.of());
        assertThatThrownBy(() -> rule.check("https://10.0.0.1/hooks"))
                .isInstanceOf(WebhookAddressRule.Refused.class)
                .hasMessageContaining("10.0.0.1");
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddress() {
        WebhookAddressRule rule = rule(Set.of(), Map.of("billing.internal.example", "192.168.7.20"));
        assertThatThrownBy(() -> rule.check("https://billing.internal.example/hooks/sla"))
                .isInstanceOf(WebhookAddressRule.Refused.class)
                .hasMessageContaining("192.168.7.20");
        assertThat(looked).containsExactly("billing.internal.example");
    }

    @Test
    void refusesLoopbackLinkLocalUniqueLocalAndCarrierNatRanges() {
        WebhookAddressRule rule = rule(Set.of(), Map.of());
        for (String url : List.of(
                "https://127.0.0.2/",
                "https://[::1]/",
                "https://[fe80::1]/",
                "https://[fd12:3456::1]/",
                "https://100.64.0.1/",
                "https://172.16.0.1/",
                "https://0.0.0.0/")) {
            assertThatThrownBy(() -> rule.check(url)).as(url).isInstanceOf(WebhookAddressRule.Refused.class);
        }
    }

    @Test
    void acceptsAPublicHttpsAddressAndConnectsToTheAddressJudged() throws Exception {
        // 203.0.113.10 is TEST-NET-3: public in form (the rule's view); nothing connects to it here
        WebhookAddressRule rule = rule(Set.of(), Map.of("billing.example", "203.0.113.10"));
        WebhookAddressRule.Target t = rule.check("https://billing.example/hooks/sla?x=1");
        assertThat(t.host()).isEqualTo("billing.example");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.tls()).isTrue();
        assertThat(t.address().getHostAddress()).isEqualTo("203.0.113.10");
    }

    @Test
    void plainHttpOnlyToAllowedHostsWhichMayBeLoopback() throws Exception {
        WebhookAddressRule rule = rule(Set.of("localhost", "127.0.0.1"), Map.of("localhost", "127.0.0.1"));
        assertThat(rule.check("http://127.0.0.1:8090/hook").port()).isEqualTo(8090);
        assertThat(rule.check("http://localhost/hook").port()).isEqualTo(80);
        // 127.0.0.2 is loopback too, but not in the allow-list
        assertThatThrownBy(() -> rule.check("http://127.0.0.2:8090/"))
                .isInstanceOf(WebhookAddressRule.Refused.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> rule.check("https://127.0.0.2:8090/"))
                .isInstanceOf(WebhookAddressRule.Refused.class)
                .hasMessageContaining("127.0.0.2");
        assertThatThrownBy(() -> rule.check("http://billing.example/")).isInstanceOf(WebhookAddressRule.Refused.class);
    }

    @Test
    void refusesOtherSchemesCredentialsAndFragmentsBeforeAnyLookup() {
        WebhookAddressRule rule = rule(Set.of(), Map.of());
        for (String url : List.of(
                "ftp://billing.example/",
                "https://user:pw@billing.example/",
                "https://billing.example/#x",
                "not a url",
                "https:///nohost")) {
            assertThatThrownBy(() -> rule.parse(url)).as(url).isInstanceOf(WebhookAddressRule.Refused.class);
        }
        assertThat(looked).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsATemporaryFault() {
        WebhookAddressRule rule = rule(Set.of(), Map.of());
        assertThatThrownBy(() -> rule.check("https://nowhere.example/")).isInstanceOf(UnknownHostException.class);
    }
}
