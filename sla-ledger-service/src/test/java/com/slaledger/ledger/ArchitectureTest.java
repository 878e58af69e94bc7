package com.slaledger.ledger;

import java.util.Set;

import com.slaledger.testing.Architecture;
import com.slaledger.testing.HousePlanTest;
import org.junit.jupiter.api.Test;

/** The house plan of this service (docs/architecture.md), checked on its classes. */
class ArchitectureTest extends HousePlanTest {

    ArchitectureTest() {
        super("com.slaledger.ledger");
    }

    /** Change tracking is at the bottom: marks, triggers, the horizon and the fold import no feature. */
    @Test
    void changeTrackingImportsNoFeature() {
        Architecture.atTheBottom(root(), "change", Set.of("engine")).check(main());
    }

    /** What the engine reads is loaded below the features that decide and record. */
    @Test
    void nothingLoadedForTheEngineImportsEvaluation() {
        Architecture.atTheBottom(
                        root(),
                        "input",
                        Set.of(
                                "engine",
                                "change",
                                "contract",
                                "observation",
                                "registry",
                                "ticket",
                                "calendar",
                                "exclusion",
                                "dispute"))
                .check(main());
    }
}
