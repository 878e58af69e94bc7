package com.slaledger.ticket;

import com.slaledger.testing.HousePlanTest;

/** The house plan of this service (docs/architecture.md), checked on its classes. */
class ArchitectureTest extends HousePlanTest {

    ArchitectureTest() {
        super("com.slaledger.ticket");
    }
}
