package com.slaledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.slaledger.client.LocalTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;

/**
 * Bearer tokens for a {@code @QuarkusTest}: a key pair made for the test run, the service
 * configured to trust its public key (as the local stack configures it), and RestAssured sending
 * an operator's token by default. A test that checks another caller says so per request:
 * {@code .auth().oauth2(TestTokens.token(Grant.customer("acme")))} or {@code .auth().none()}.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalTokens tokens;

    /** A token for the grant, signed with this run's key. */
    public static String token(LocalTokens.Grant grant) {
        return tokens().token(grant);
    }

    /** A token for another audience (null: none): what another client of the issuer would hold. */
    public static String token(LocalTokens.Grant grant, String audience) {
        return tokens().token(grant, audience);
    }

    public static String token(String role) {
        return token(LocalTokens.Grant.of(role));
    }

    private static synchronized LocalTokens tokens() {
        if (tokens == null) {
            tokens = LocalTokens.of(keys());
        }
        return tokens;
    }

    private static Path keys() {
        try {
            return Files.createDirectories(Path.of("target", "test-token-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        tokens();
        RestAssured.authentication = RestAssured.oauth2(token("operator"));
        return Map.of(
                "mp.jwt.verify.publickey.location",
                keys().resolve("public.pem").toAbsolutePath().toString(),
                "mp.jwt.verify.issuer",
                LocalTokens.ISSUER);
    }

    @Override
    public void stop() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
