package com.slaledger.ledger.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.contract.ContractHistory;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.ContractVersions;
import com.slaledger.ledger.engine.Evaluation;
import com.slaledger.ledger.engine.Published;
import com.slaledger.ledger.input.ChecklistInputRepository;
import com.slaledger.ledger.input.EngineInputRepository;
import com.slaledger.ledger.shortfall.Shortfall;
import com.slaledger.ledger.shortfall.ShortfallRepository;
import com.slaledger.ledger.statement.IssuedStatement;
import com.slaledger.ledger.statement.IssuedStatementRepository;
import com.slaledger.ledger.warning.WarningRepository;
import io.smallrye.mutiny.Uni;

/**
 * Loads what the engine decides a contract's evaluation on: its versions, the periods the engine
 * plans to evaluate and only the data of their window (SPEC §11: cost does not grow with history),
 * and what was already published for those periods. Call inside a transaction.
 */
@ApplicationScoped
public class EvaluationInputs {

    /** A contract's evaluation inputs: the stored versions (for recording) and the engine's values. */
    public record Loaded(
            ContractHistory history,
            ContractVersions versions,
            Evaluation.Plan plan,
            Evaluation.Facts facts,
            Published published) {}

    private final ContractRepository contracts;
    private final EngineInputRepository engineInputs;
    private final ChecklistInputRepository checklists;
    private final ShortfallRepository shortfalls;
    private final IssuedStatementRepository issued;
    private final WarningRepository warnings;

    public EvaluationInputs(
            ContractRepository contracts,
            EngineInputRepository engineInputs,
            ChecklistInputRepository checklists,
            ShortfallRepository shortfalls,
            IssuedStatementRepository issued,
            WarningRepository warnings) {
        this.contracts = contracts;
        this.engineInputs = engineInputs;
        this.checklists = checklists;
        this.shortfalls = shortfalls;
        this.issued = issued;
        this.warnings = warnings;
    }

    /** The inputs of contract {@code contractId} as of {@code now}, its data changed from {@code since} (or null); null when it is unknown. */
    public Uni<Loaded> load(String contractId, Instant since, Instant now) {
        return contracts.history(contractId).chain(history -> {
            if (history == null) {
                return Uni.createFrom().nullItem();
            }
            Evaluation.Plan plan = Evaluation.plan(
                    history.current().zone(),
                    history.longestMinimum(),
                    now.getEpochSecond(),
                    since == null ? null : since.getEpochSecond());
            List<ContractVersion> all = history.entries().stream()
                    .map(ContractHistory.Entry::version)
                    .toList();
            List<String> periods =
                    plan.periods().stream().map(YearMonth::toString).toList();
            return engineInputs.load(all, plan.window()).chain(in -> checklists
                    .load(contractId, all, plan.window())
                    .chain(cl -> published(contractId, periods, plan.current())
                            .map(published -> new Loaded(
                                    history,
                                    history.engine(cl::agreement),
                                    plan,
                                    new Evaluation.Facts(
                                            in.histories(),
                                            in.ticketOpenOf(contractId),
                                            cl.tickets(),
                                            cl.evidence(),
                                            in.exclusionsOf(contractId),
                                            in.disputesOf(contractId)),
                                    published))));
        });
    }

    /** The shortfalls, current warnings and latest statement versions of the periods. */
    private Uni<Published> published(String contractId, List<String> periods, YearMonth current) {
        return shortfalls.of(contractId, periods).chain(rows -> issued.of(contractId, periods)
                .chain(versions -> warnings.of(contractId, current.toString())
                        .map(warned -> Published.of(
                                rows.stream().map(EvaluationInputs::shortfall).toList(),
                                warned.stream().map(w -> w.thresholdPercent).toList(),
                                latest(versions)))));
    }

    private static Published.Shortfall shortfall(Shortfall s) {
        return new Published.Shortfall(YearMonth.parse(s.period), s.element, s.creditPercent);
    }

    private static Map<YearMonth, Published.Issued> latest(List<IssuedStatement> versions) {
        Map<YearMonth, Published.Issued> latest = new HashMap<>();
        for (IssuedStatement v : versions) {
            latest.merge(
                    YearMonth.parse(v.period),
                    new Published.Issued(v.version, v.fingerprint),
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
        return latest;
    }
}
