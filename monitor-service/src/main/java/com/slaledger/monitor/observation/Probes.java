package com.slaledger.monitor.observation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import com.slaledger.events.HealthObserved;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;

/**
 * A probe token that names services may report only on them, one that names probes only as them
 * (SPEC §12): one other service or probe id refuses the whole batch.
 */
public final class Probes {

    private Probes() {}

    public static void check(Caller caller, List<HealthObserved> events) {
        refuse(events, HealthObserved::serviceId, caller::mayReport, "on service ");
        refuse(events, HealthObserved::probeId, caller::mayReportAs, "as probe ");
    }

    private static void refuse(
            List<HealthObserved> events, Function<HealthObserved, String> of, Predicate<String> may, String what) {
        events.stream().map(of).distinct().filter(may.negate()).findFirst().ifPresent(name -> {
            throw ProblemException.forbidden("this token may not report " + what + name);
        });
    }
}
