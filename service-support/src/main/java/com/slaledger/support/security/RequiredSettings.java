package com.slaledger.support.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;

/**
 * In production a service refuses to start without the settings that no default may stand in for:
 * the key that verifies bearer tokens, and, for a service with a database, its credentials. The
 * message names each missing key and its environment variable, instead of a failure on the first
 * request or an authentication error from the database.
 */
@Singleton
public class RequiredSettings {

    void check(@Observes StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("refusing to start without " + String.join(", ", missing));
        }
    }

    static List<String> missing(Config config) {
        List<String> required = new ArrayList<>();
        required.add("mp.jwt.verify.publickey.location");
        if (config.getOptionalValue("quarkus.datasource.db-kind", String.class).isPresent()) {
            required.add("quarkus.datasource.username");
            required.add("quarkus.datasource.password");
        }
        List<String> missing = new ArrayList<>();
        for (String key : required) {
            if (config.getOptionalValue(key, String.class)
                    .filter(v -> !v.isBlank())
                    .isEmpty()) {
                missing.add(key + " (" + key.toUpperCase().replace('.', '_').replace('-', '_') + ")");
            }
        }
        return missing;
    }
}
