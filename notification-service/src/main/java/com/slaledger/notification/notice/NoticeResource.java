package com.slaledger.notification.notice;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The notices sent or owed (SPEC §8). */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final NoticeRepository notices;

    public NoticeResource(NoticeRepository notices) {
        this.notices = notices;
    }

    public record NoticeView(
            String id,
            String contractId,
            String period,
            NoticeKind kind,
            List<String> recipients,
            String subject,
            NoticeStatus status,
            int attempts,
            Instant createdAt,
            Instant sentAt) {

        static NoticeView of(Notice n) {
            return new NoticeView(
                    n.id,
                    n.contractId,
                    n.period,
                    n.kind,
                    n.recipients == null ? List.of() : List.of(n.recipients.split(",")),
                    n.subject,
                    n.status,
                    n.attempts,
                    n.createdAt,
                    n.sentAt);
        }
    }

    @GET
    @WithSession
    public Uni<List<NoticeView>> list(@QueryParam("contractId") String contractId) {
        if (contractId == null || contractId.isBlank()) {
            throw ProblemException.invalid("contractId", "is required");
        }
        return notices.ofContract(contractId)
                .map(list -> list.stream().map(NoticeView::of).toList());
    }
}
