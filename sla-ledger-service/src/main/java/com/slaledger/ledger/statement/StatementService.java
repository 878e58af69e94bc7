package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.contract.ContractHistory;
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
import com.slaledger.ledger.input.ChecklistInputRepository;
import com.slaledger.ledger.input.EngineInputRepository;
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
        return statements(contract, period, clock.instant().getEpochSecond()).map(all -> all.get(0));
    }

    /** The input window (epoch seconds) a statement of {@code period} reads: the terms in force in it decide. */
    public Uni<Interval> window(ContractVersion contract, YearMonth period) {
        return contracts
                .history(contract.contractId())
                .map(history -> inputWindow(inForce(contract, history, period), period));
    }

    /**
     * The statement of {@code period} from one read of its inputs, as of each of the given
     * instants (epoch seconds): what changes with time alone shows as a difference between them.
     */
    public Uni<List<InForce>> statements(ContractVersion contract, YearMonth period, long... nows) {
        return contracts.history(contract.contractId()).chain(history -> {
            ContractVersion terms = inForce(contract, history, period);
            Interval window = inputWindow(terms, period);
            return inputs.load(List.of(terms), window).chain(in -> checklists
                    .load(contract.contractId(), List.of(terms), window)
                    .map(cl -> {
                        List<InForce> out = new ArrayList<>(nows.length);
                        for (long now : nows) {
                            Statement s = StatementCalculator.statement(
                                    terms.engine(),
                                    period,
                                    in.histories(),
                                    in.ticketOpenOf(contract.contractId()),
                                    in.disputesOf(contract.contractId()),
                                    in.exclusionsOf(contract.contractId()),
                                    now,
                                    config.grace().getSeconds());
                            out.add(new InForce(s, cl.elements(s, terms, now), terms));
                        }
                        return out;
                    }));
        });
    }

    private static ContractVersion inForce(ContractVersion contract, ContractHistory history, YearMonth period) {
        return history == null ? contract : history.inForce(period);
    }

    private static Interval inputWindow(ContractVersion terms, YearMonth period) {
        return Judgement.inputWindow(
                period, period, terms.zone(), terms.engine().minimumDowntimeSeconds());
    }

    /** The counted intervals under the contract's policy that overlap [from, to), clipped to it. */
    public Uni<List<StatementInterval>> downtime(ContractVersion contract, long from, long to) {
        long now = clock.instant().getEpochSecond();
        Terms terms = contract.engine();
        long minimum = terms.minimumDowntimeSeconds();
        Interval window = new Interval(from - minimum, to + minimum + 1);
        return inputs.load(List.of(contract), window).map(in -> ContractDowntime.of(
                        terms,
                        terms.policy(),
                        in.histories(),
                        in.ticketOpenOf(contract.contractId()),
                        in.disputesOf(contract.contractId()),
                        in.exclusionsOf(contract.contractId()),
                        now)
                .within(from, to)
                .stream()
                .filter(StatementInterval::counted)
                .toList());
    }
}
