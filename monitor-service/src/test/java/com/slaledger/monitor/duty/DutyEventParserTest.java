package com.slaledger.monitor.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.DutyOutcome;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake rules of duty events (SPEC §13.3), one by one. */
class DutyEventParserTest {

    private static final Instant NOW = Instant.parse("2026-10-03T15:00:00Z");
    private final DutyEventParser parser =
            new DutyEventParser(3, Duration.ofMinutes(5), Duration.ofDays(400), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    private DutyEventParser.Result parse(String body) throws Exception {
        return parser.parse(json.readTree(body));
    }

    private static String event(String overrides) {
        return "{\"dutyId\":\"db-backup\",\"outcome\":\"SUCCESS\",\"completedAt\":\"2026-10-03T02:10:00.700Z\""
                + overrides + "}";
    }

    @Test
    void acceptsOneEventTruncatedToTheSecond_keyedByEventIdOrTheTuple() throws Exception {
        var result = parse(event(",\"detail\":\"12.4 GB\",\"eventId\":\"bk-1\""));
        assertThat(result.valid()).isTrue();
        var e = result.events().get(0);
        assertThat(e.dutyId()).isEqualTo("db-backup");
        assertThat(e.outcome()).isEqualTo(DutyOutcome.SUCCESS);
        assertThat(e.completedAt()).isEqualTo(Instant.parse("2026-10-03T02:10:00Z"));
        assertThat(e.dedupKey()).isEqualTo("id:bk-1");
        assertThat(parse(event("")).events().get(0).dedupKey())
                .isEqualTo("tuple:db-backup|2026-10-03T02:10:00Z|SUCCESS");
    }

    /** SPEC §9: a field a duty event does not have is named, and the event is not taken. */
    @Test
    void anUnknownFieldIsNamed() throws Exception {
        var result = parse(event(",\"outcom\":\"FAILURE\""));
        assertThat(result.events()).isEmpty();
        assertThat(result.violations()).extracting(Violation::field).containsExactly("outcom");
        assertThat(result.violations().get(0).message()).contains("outcome");
    }

    @Test
    void aBatchIsAllOrNothing_andEveryBadFieldIsNamed() throws Exception {
        var result = parse("[" + event("") + ","
                + "{\"dutyId\":\"bad id!\",\"outcome\":\"DONE\",\"completedAt\":\"yesterday\"},"
                + "{\"outcome\":\"FAILURE\",\"completedAt\":\"2026-10-03T15:10:00Z\"}]");
        assertThat(result.valid()).isFalse();
        assertThat(result.events()).isEmpty();
        assertThat(result.violations())
                .extracting(v -> v.field())
                .containsExactly("[1].dutyId", "[1].outcome", "[1].completedAt", "[2].dutyId", "[2].completedAt");
    }

    @Test
    void instantsOutOfRangeAndOversizedBatchesAreRefused() throws Exception {
        assertThat(parse(event("").replace("2026-10-03T02:10:00.700Z", "2025-08-01T00:00:00Z"))
                        .violations())
                .extracting(v -> v.field())
                .containsExactly("completedAt");
        assertThat(parse("[" + event("") + "," + event("") + "," + event("") + "," + event("") + "]")
                        .violations())
                .hasSize(1);
        assertThat(parse("[]").valid()).isFalse();
        assertThat(parser.parse((JsonNode) null).valid()).isFalse();
    }
}
