package com.slaledger.ticket;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.slaledger.client.SuiteClock;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;

/** Shared steps for ticket-service's tests. */
public final class TicketFixtures {

    private TicketFixtures() {}

    /** Publishes a new contract covering the services to the contracts topic, as the ledger would; returns its id. */
    public static String contract(String... services) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.send(
                Topics.CONTRACTS,
                id,
                new ContractChanged(
                        id,
                        1,
                        new ContractChanged.Customer("Acme", List.of("sla@acme.example")),
                        List.of(services),
                        MeasurementPolicy.CUSTOMER_TICKET,
                        new BigDecimal("99.9"),
                        Duration.ZERO,
                        "UTC",
                        List.of(),
                        new BigDecimal("100"),
                        null,
                        List.of(),
                        SuiteClock.now(),
                        null,
                        null));
        return id;
    }
}
