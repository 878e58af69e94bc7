package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.ContractChanged;
import com.slaledger.ledger.engine.ContractDowntime;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementCalculator;
import com.slaledger.ledger.engine.StatementInterval;
import com.slaledger.ledger.engine.Terms;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Statements and downtime of one contract, computed from the ledger's data. Call inside a session. */
@ApplicationScoped
public class StatementService {

    private final LedgerInputs inputs;
    private final Duration grace;
    private final Clock clock = Clock.systemUTC();

    public StatementService(
            LedgerInputs inputs, @ConfigProperty(name = "ledger.grace", defaultValue = "PT1H") Duration grace) {
        this.inputs = inputs;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    public Uni<Statement> statement(ContractChanged contract, YearMonth period) {
        long now = clock.instant().getEpochSecond();
        return inputs.load(List.of(contract))
                .map(in -> StatementCalculator.statement(
                        EngineMapping.terms(contract),
                        period,
                        in.histories(),
                        in.ticketOpenOf(contract.contractId()),
                        now,
                        grace.getSeconds()));
    }

    /** The counted intervals under the contract's policy that overlap [from, to), clipped to it. */
    public Uni<List<StatementInterval>> downtime(ContractChanged contract, long from, long to) {
        long now = clock.instant().getEpochSecond();
        Terms terms = EngineMapping.terms(contract);
        return inputs.load(List.of(contract)).map(in -> ContractDowntime.of(
                        terms, terms.policy(), in.histories(), in.ticketOpenOf(contract.contractId()), now)
                .within(from, to)
                .stream()
                .filter(StatementInterval::counted)
                .toList());
    }
}
