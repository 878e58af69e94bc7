package com.slaledger.ledger.overview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.ledger.shortfall.ShortfallRepository;
import com.slaledger.ledger.statement.EngineMapping;
import com.slaledger.ledger.statement.StatementService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Each contract's current period at a glance (the console's home page, SPEC §14), computed as of
 * now exactly as its statement is: availability against target, the allowance used, the elements
 * not met, the shortfalls published in the period. Call inside a session.
 */
@ApplicationScoped
public class OverviewService {

    /** One contract's current period. */
    public record CurrentPeriod(
            String contractId,
            String customer,
            String period,
            BigDecimal availabilityPercent,
            BigDecimal uptimeTargetPercent,
            BigDecimal allowanceUsedPercent,
            boolean met,
            List<String> notMet,
            int shortfalls) {}

    private final StatementService statements;
    private final ShortfallRepository shortfalls;
    private final Clock clock;

    public OverviewService(StatementService statements, ShortfallRepository shortfalls, Clock clock) {
        this.statements = statements;
        this.shortfalls = shortfalls;
        this.clock = clock;
    }

    /** The current period of each contract, in the order given (one after the other on the session). */
    public Uni<List<CurrentPeriod>> of(List<ContractVersion> contracts) {
        return Multi.createFrom()
                .iterable(contracts)
                .onItem()
                .transformToUniAndConcatenate(this::of)
                .collect()
                .asList();
    }

    private Uni<CurrentPeriod> of(ContractVersion c) {
        YearMonth period = Periods.of(clock.instant().getEpochSecond(), c.zone());
        return statements.statement(c, period).chain(s -> shortfalls
                .of(c.contractId(), List.of(period.toString()))
                .map(published -> new CurrentPeriod(
                        c.contractId(),
                        c.terms().customer().name(),
                        period.toString(),
                        s.statement().figures().availabilityPercent(),
                        EngineMapping.plain(s.terms().terms().uptimeTargetPercent()),
                        s.statement().allowanceUsedPercent(),
                        s.statement().figures().met(),
                        s.elements().stream()
                                .filter(i -> !i.met())
                                .map(Checklist.Item::element)
                                .toList(),
                        published.size())));
    }
}
