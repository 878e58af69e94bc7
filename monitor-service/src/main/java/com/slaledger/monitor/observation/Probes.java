package com.slaledger.monitor.observation;

import java.util.List;

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
        events.stream()
                .map(HealthObserved::serviceId)
                .distinct()
                .filter(service -> !caller.mayReport(service))
                .findFirst()
                .ifPresent(service -> {
                    throw ProblemException.forbidden("this token may not report on service " + service);
                });
        events.stream()
                .map(HealthObserved::probeId)
                .distinct()
                .filter(probe -> !caller.mayReportAs(probe))
                .findFirst()
                .ifPresent(probe -> {
                    throw ProblemException.forbidden("this token may not report as probe " + probe);
                });
    }
}
