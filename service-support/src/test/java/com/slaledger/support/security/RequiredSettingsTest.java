package com.slaledger.support.security;

import java.util.Map;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service will not start without in production, named with its environment variable. */
class RequiredSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("test", values) {})
                .build();
    }

    @Test
    void aServiceWithADatabaseNeedsItsCredentialsAndTheTokenKey() {
        assertThat(RequiredSettings.missing(config(Map.of("quarkus.datasource.db-kind", "postgresql"))))
                .containsExactly(
                        "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)",
                        "quarkus.datasource.username (QUARKUS_DATASOURCE_USERNAME)",
                        "quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD)");
    }

    @Test
    void aServiceWithoutADatabaseNeedsOnlyTheTokenKey() {
        assertThat(RequiredSettings.missing(config(Map.of())))
                .containsExactly("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
    }

    @Test
    void blankIsMissingAndEverythingSetIsEnough() {
        assertThat(RequiredSettings.missing(config(Map.of(
                        "quarkus.datasource.db-kind", "postgresql",
                        "quarkus.datasource.username", "ledger",
                        "quarkus.datasource.password", " ",
                        "mp.jwt.verify.publickey.location", "/keys/public.pem"))))
                .containsExactly("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD)");
        assertThat(RequiredSettings.missing(config(Map.of(
                        "quarkus.datasource.db-kind", "postgresql",
                        "quarkus.datasource.username", "ledger",
                        "quarkus.datasource.password", "secret",
                        "mp.jwt.verify.publickey.location", "/keys/public.pem"))))
                .isEmpty();
    }
}
