package com.slaledger.ledger.contract;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.ContractChanged;
import com.slaledger.events.Topics;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates and replaces contracts. Every new version is written to the outbox in the same
 * transaction, for the compacted contracts topic; putting the same terms again changes nothing
 * and publishes nothing.
 */
@ApplicationScoped
public class ContractService {

    private final ContractRepository contracts;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ContractService(ContractRepository contracts, Outbox outbox) {
        this.contracts = contracts;
        this.outbox = outbox;
    }

    /** The contract as stored, and whether this call created it. */
    public record Saved(ContractChanged contract, boolean created) {}

    @WithTransaction
    public Uni<Saved> put(String contractId, ContractRequest request) {
        ContractValidator.Result result = ContractValidator.validate(contractId, request);
        if (!result.violations().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        ContractChanged terms = result.contract();
        return contracts.findById(contractId).chain(existing -> {
            if (existing != null) {
                ContractChanged current = ContractRepository.read(existing.document);
                if (sameTerms(current, terms)) {
                    return Uni.createFrom().item(new Saved(current, false));
                }
            }
            Instant now = clock.instant();
            long version = existing == null ? 1 : existing.version + 1;
            ContractChanged saved = withVersion(terms, version, now);
            Contract row = existing == null ? new Contract() : existing;
            row.contractId = contractId;
            row.version = version;
            row.document = ContractRepository.write(saved);
            row.updatedAt = now;
            if (existing == null) {
                row.createdAt = now;
            }
            return contracts
                    .persist(row)
                    .chain(() -> outbox.add(Topics.CONTRACTS, contractId, saved))
                    .replaceWith(new Saved(saved, existing == null));
        });
    }

    static boolean sameTerms(ContractChanged a, ContractChanged b) {
        return withVersion(a, 0, null).equals(withVersion(b, 0, null));
    }

    static ContractChanged withVersion(ContractChanged c, long version, Instant at) {
        return new ContractChanged(
                c.contractId(),
                version,
                c.customer(),
                c.services(),
                c.policy(),
                c.uptimeTargetPercent(),
                c.minimumDowntime(),
                c.timezone(),
                c.creditTiers(),
                c.creditCapPercent(),
                c.monthlyFee(),
                c.maintenanceWindows(),
                at);
    }
}
