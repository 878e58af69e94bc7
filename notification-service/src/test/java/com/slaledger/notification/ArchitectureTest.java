package com.slaledger.notification;

import java.util.Set;

import com.slaledger.testing.Architecture;
import com.slaledger.testing.HousePlanTest;
import org.junit.jupiter.api.Test;

/** The house plan of this service (docs/architecture.md), checked on its classes. */
class ArchitectureTest extends HousePlanTest {

    ArchitectureTest() {
        super("com.slaledger.notification");
    }

    /** The notice model is at the bottom: rendering, delivery and intake build on it, never the reverse. */
    @Test
    void theNoticeModelImportsNoRoom() {
        Architecture.atTheBottom(root(), "notice", Set.of("contract")).check(main());
    }
}
