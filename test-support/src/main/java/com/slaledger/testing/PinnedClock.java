package com.slaledger.testing;

import java.util.Map;

import com.slaledger.client.SuiteClock;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A {@code @QuarkusTest} profile for tests whose data has fixed dates (October 2026, hand-computed)
 * and whose expectations depend on which day it is: the service's clock reads {@link
 * SuiteClock#PINNED} when it starts and ticks from there, whatever day the suite runs on, so that
 * "November's backup lapses in silence" stays true in 2028. Test classes with this profile share
 * one start of the service (Quarkus orders the classes by profile). Their own "now" is the
 * service's injected {@code Clock}.
 *
 * <p>Tests whose data is relative to now do not pin; they run at the suite's instant
 * ({@link SuiteClock}), which the build moves on purpose.
 */
public class PinnedClock implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sla.clock.offset", SuiteClock.offsetTo(SuiteClock.PINNED).toString());
    }
}
