package com.slaledger.testing;

import java.util.Map;
import java.util.Set;

import com.slaledger.client.SuiteClock;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives every service under test the suite's clock ({@link SuiteClock}): {@code sla.clock.offset}
 * for a {@code @QuarkusTest}, found through the ServiceLoader on the test class path. Its ordinal
 * is low: a test profile ({@link PinnedClock}) or a system property overrides it.
 */
public class SuiteClockConfigSource implements ConfigSource {

    private static final String KEY = "sla.clock.offset";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, SuiteClock.offset().toString());
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? SuiteClock.offset().toString() : null;
    }

    @Override
    public String getName() {
        return "sla-suite-clock";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
