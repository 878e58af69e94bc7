package com.slaledger.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's tokens: RS256 JWTs that verify with the public key written beside the private one. */
class LocalTokensTest {

    @TempDir
    Path keys;

    private static PublicKey publicKey(Path pem) throws Exception {
        String text = Files.readString(pem)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    @Test
    void aTokenVerifiesWithThePublicKeyAndCarriesTheGrant() throws Exception {
        LocalTokens.ensureKeys(keys);
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        var tokens = new LocalTokens(
                LocalTokens.readPrivateKey(keys.resolve("private.pem")),
                LocalTokens.ISSUER,
                Clock.fixed(now, ZoneOffset.UTC));
        String token = tokens.token(
                new LocalTokens.Grant("acme-portal", "customer", List.of("acme"), null, Duration.ofHours(2)));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(keys.resolve("public.pem")));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("sla-ledger-local");
        assertThat(claims.path("sub").asText()).isEqualTo("acme-portal");
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("customer");
        assertThat(claims.path("contracts").get(0).asText()).isEqualTo("acme");
        assertThat(claims.has("services")).isFalse();
        assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 7200);
    }

    @Test
    void theKeysAreMadeOnceAndKept() throws Exception {
        LocalTokens.ensureKeys(keys);
        String first = Files.readString(keys.resolve("public.pem"));
        LocalTokens.ensureKeys(keys);
        assertThat(Files.readString(keys.resolve("public.pem"))).isEqualTo(first);
        assertThat(first).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void anUnknownRoleIsRefused() {
        assertThatThrownBy(() -> LocalTokens.Grant.of("admin")).isInstanceOf(IllegalArgumentException.class);
    }
}
