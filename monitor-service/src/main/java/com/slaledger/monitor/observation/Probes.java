package com.slaledger.monitor.observation;

import java.util.List;

import com.slaledger.events.HealthObserved;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;

/** A probe token that names services may report only on them: one other service refuses the whole batch. */
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
    }
}
