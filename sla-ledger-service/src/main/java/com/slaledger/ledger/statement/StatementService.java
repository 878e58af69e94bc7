package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.checklist.ChecklistInputRepository;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.ContractDowntime;
import com.slaledger.ledger.engine.Interval;
import com.slaledger.ledger.engine.Judgement;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementCalculator;
import com.slaledger.ledger.engine.StatementInterval;
import com.slaledger.ledger.engine.Terms;
import com.slaledger.ledger.evaluation.EngineInputRepository;
import io.smallrye.mutiny.Uni;

/** Statements and downtime of one contract, computed from the ledger's data. Call inside a session. */
@ApplicationScoped
public class StatementService {

    private final EngineInputRepository inputs;
    private final ChecklistInputRepository checklists;
    private final ContractRepository contracts;
    private final LedgerConfig config;
    private final Clock clock;

    public StatementService(
            EngineInputRepository inputs,
            ChecklistInputRepository checklists,
            ContractRepository contracts,
            LedgerConfig config,
            Clock clock) {
        this.inputs = inputs;
        this.checklists = checklists;
        this.contracts = contracts;
        this.config = config;
        this.clock = clock;
    }

    /** A statement, its checklist (SPEC §13.4), and the contract version it was computed with. */
    public record InForce(Statement statement, List<Checklist.Item> elements, ContractVersion terms) {}

    /** The statement of {@code period}, computed with the terms in force in it (SPEC §7). */
    public Uni<InForce> statement(ContractVersion contract, YearMonth period) {
        long now = clock.instant().getEpochSecond();
        return contracts.history(contract.contractId()).chain(history -> {
            ContractVersion terms = history == null ? contract : history.inForce(period);
            Interval window = Judgement.inputWindow(
                    period, period, terms.zone(), terms.engine().minimumDowntimeSeconds());
            return inputs.load(List.of(terms), window).chain(in -> checklists
                    .load(contract.contractId(), List.of(terms), window)
                    .map(cl -> {
                        Statement s = StatementCalculator.statement(
                                terms.engine(),
                                period,
                                in.histories(),
                                in.ticketOpenOf(contract.contractId()),
                                now,
                                config.grace().getSeconds());
                        return new InForce(s, cl.elements(s, terms, now), terms);
                    }));
        });
    }

    /** The counted intervals under the contract's policy that overlap [from, to), clipped to it. */
    public Uni<List<StatementInterval>> downtime(ContractVersion contract, long from, long to) {
        long now = clock.instant().getEpochSecond();
        Terms terms = contract.engine();
        long minimum = terms.minimumDowntimeSeconds();
        Interval window = new Interval(from - minimum, to + minimum + 1);
        return inputs.load(List.of(contract), window).map(in -> ContractDowntime.of(
                        terms, terms.policy(), in.histories(), in.ticketOpenOf(contract.contractId()), now)
                .within(from, to)
                .stream()
                .filter(StatementInterval::counted)
                .toList());
    }
}
