package com.slaledger.monitor.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.HealthStatus;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake rules of SPEC §5.1, one by one. */
class HealthEventParserTest {

    private static final Instant NOW = Instant.parse("2026-10-03T15:00:00Z");
    private final HealthEventParser parser =
            new HealthEventParser(3, Duration.ofMinutes(5), Duration.ofDays(400), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    /** The resource's path: the body's bytes, read by the streaming parser. */
    private HealthEventParser.Result parse(String body) throws Exception {
        return parser.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String obs(String overrides) {
        return "{\"serviceId\":\"api\",\"probeId\":\"probe-eu-1\",\"status\":\"DOWN\","
                + "\"observedAt\":\"2026-10-03T14:05:00Z\"" + overrides + "}";
    }

    @Test
    void acceptsOneObservation() throws Exception {
        var result = parse(obs(",\"latencyMs\":30000,\"detail\":\"HTTP 503\",\"eventId\":\"b7c1\""));
        assertThat(result.valid()).isTrue();
        var event = result.events().get(0);
        assertThat(event.serviceId()).isEqualTo("api");
        assertThat(event.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(event.latencyMs()).isEqualTo(30000L);
        assertThat(event.dedupKey()).isEqualTo("id:b7c1");
        assertThat(event.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void truncatesFractionalSeconds() throws Exception {
        var result = parse(obs("").replace("14:05:00Z", "14:05:00.987654Z"));
        assertThat(result.events().get(0).observedAt()).isEqualTo(Instant.parse("2026-10-03T14:05:00Z"));
    }

    @Test
    void withoutEventIdTheTupleIsTheKey() throws Exception {
        var a = parse(obs("")).events().get(0);
        var b = parse(obs("").replace("14:05:00Z", "14:05:00.4Z")).events().get(0);
        assertThat(a.dedupKey()).isEqualTo(b.dedupKey()).startsWith("tuple:");
    }

    @Test
    void requiresEveryMandatoryField() throws Exception {
        var result = parse("{}");
        assertThat(result.violations())
                .extracting(Violation::field)
                .containsExactly("serviceId", "probeId", "status", "observedAt");
    }

    @Test
    void rejectsBadFormats() throws Exception {
        var result = parse("{\"serviceId\":\"a b\",\"probeId\":\"" + "p".repeat(65)
                + "\",\"status\":\"down\",\"observedAt\":\"yesterday\",\"latencyMs\":-1}");
        assertThat(result.violations())
                .extracting(Violation::field)
                .containsExactly("serviceId", "probeId", "status", "observedAt", "latencyMs");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void rejectsObservationsMoreThanFiveMinutesAhead() throws Exception {
        assertThat(parse(obs("").replace("2026-10-03T14:05:00Z", "2026-10-03T15:05:00Z"))
                        .valid())
                .isTrue();
        var late = parse(obs("").replace("2026-10-03T14:05:00Z", "2026-10-03T15:05:01Z"));
        assertThat(late.violations()).extracting(Violation::field).containsExactly("observedAt");
    }

    @Test
    void rejectsInstantsBefore2000OrBeyondTheLateHorizon() throws Exception {
        for (String at : new String[] {"-5000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z"}) {
            var result = parse(obs("").replace("2026-10-03T14:05:00Z", at));
            assertThat(result.violations())
                    .as(at)
                    .containsExactly(new Violation("observedAt", "must be after 2000-01-01T00:00:00Z"));
        }
        // NOW less 400 days is 2025-08-29T15:00:00Z: one second before is out, that instant is in
        var tooOld = parse(obs("").replace("2026-10-03T14:05:00Z", "2025-08-29T14:59:59Z"));
        assertThat(tooOld.violations()).extracting(Violation::field).containsExactly("observedAt");
        assertThat(parse(obs("").replace("2026-10-03T14:05:00Z", "2025-08-29T15:00:00Z"))
                        .valid())
                .isTrue();
    }

    @Test
    void limitsTheDetailTo1000Characters() throws Exception {
        assertThat(parse(obs(",\"detail\":\"" + "x".repeat(1000) + "\"")).valid())
                .isTrue();
        assertThat(parse(obs(",\"detail\":\"" + "x".repeat(1001) + "\"")).violations())
                .extracting(Violation::field)
                .containsExactly("detail");
    }

    @Test
    void aBatchIsAllOrNothingAndNamesEachBadElement() throws Exception {
        var result = parse(
                "[" + obs("") + "," + obs(",\"status\":\"SIDEWAYS\"").replace("\"status\":\"DOWN\",", "") + ",42]");
        assertThat(result.events()).isEmpty();
        assertThat(result.violations()).extracting(Violation::field).containsExactly("[1].status", "[2]");
    }

    @Test
    void limitsTheBatchSize() throws Exception {
        assertThat(parse("[" + obs("") + "," + obs("") + "," + obs("") + "]").events())
                .hasSize(3);
        assertThat(parse("[" + obs("") + "," + obs("") + "," + obs("") + "," + obs("") + "]")
                        .valid())
                .isFalse();
        assertThat(parse("[]").valid()).isFalse();
    }

    @Test
    void degradedIsAStatus() throws Exception {
        JsonNode node = json.readTree(obs("").replace("DOWN", "DEGRADED"));
        assertThat(parser.parse(node).events().get(0).status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void takesTheLastOfARepeatedField() throws Exception {
        var result = parse(obs(",\"status\":\"UP\""));
        assertThat(result.valid()).isTrue();
        assertThat(result.events().get(0).status()).isEqualTo(HealthStatus.UP);
    }

    /**
     * SPEC §9: a field an observation does not have is named (its nested values read past, the
     * rest of the body still checked), and nothing of the batch is taken.
     */
    @Test
    void namesEveryFieldItDoesNotKnow() throws Exception {
        var result = parse(
                "[" + obs("") + "," + obs(",\"extra\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},\"tags\":[\"x\"]") + "]");
        assertThat(result.events()).isEmpty();
        assertThat(result.violations()).extracting(Violation::field).containsExactly("[1].extra", "[1].tags");
        assertThat(result.violations().get(0).message()).contains("observedAt");
    }

    @Test
    void namesFieldsOfTheWrongType() throws Exception {
        var result = parse(obs(",\"latencyMs\":1.5,\"detail\":{\"a\":1},\"eventId\":7")
                .replace("\"observedAt\":\"2026-10-03T14:05:00Z\"", "\"observedAt\":1790000000"));
        assertThat(result.violations())
                .extracting(Violation::field)
                .containsExactly("eventId", "observedAt", "latencyMs", "detail");
        assertThat(parse(obs(",\"latencyMs\":99999999999999999999")).violations())
                .extracting(Violation::field)
                .containsExactly("latencyMs");
        assertThat(parse(obs(",\"latencyMs\":-1")).valid()).isFalse();
        assertThat(parse(obs(",\"latencyMs\":0")).events().get(0).latencyMs()).isZero();
    }

    @Test
    void aTooLargeBatchIsNamedAloneWhateverItsElements() throws Exception {
        var result = parse("[42," + obs("") + "," + obs("") + "," + obs("") + "]");
        assertThat(result.violations())
                .extracting(Violation::message)
                .containsExactly("an array must hold 1 to 3 observations");
    }

    @Test
    void anEmptyOrNullBodyIsRequiredAndAScalarIsNotAnObject() throws Exception {
        assertThat(parse("").violations())
                .extracting(Violation::message)
                .first()
                .asString()
                .startsWith("a body is required");
        assertThat(parse("null").violations())
                .extracting(Violation::message)
                .first()
                .asString()
                .startsWith("a body is required");
        assertThat(parse("\"api\"").violations())
                .extracting(Violation::message)
                .containsExactly("must be a JSON object");
    }

    @Test
    void aBodyThatIsNotJsonIsThrown() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("[" + obs("") + ","))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("{\"serviceId\": api}"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }
}
