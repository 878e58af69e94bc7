package com.slaledger.support.rest;

import java.util.List;

import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void validationProblemNamesEveryField() {
        var e = ProblemException.invalid(List.of(new Violation("a", "bad"), new Violation("[2].b", "worse")));
        var response = mapper.problem(e, null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        var body = (Problem) response.getEntity();
        assertThat(body.type()).isEqualTo(ProblemTypes.VALIDATION);
        assertThat(body.detail()).isEqualTo("2 fields are invalid");
        assertThat(body.violations()).extracting(Violation::field).containsExactly("a", "[2].b");
    }

    @Test
    void httpErrorsKeepTheirStatus() {
        var response = mapper.http(new NotFoundException("no such thing"), null);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Not Found");
    }

    @Test
    void unexpectedFailuresRevealNothing() {
        var response = mapper.unexpected(new IllegalStateException("secret table name"), null);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("secret");
    }

    @Test
    void propertyPathsLoseTheirMethodAndParameter() {
        assertThat(ProblemMapper.fieldOf("put.arg1.customer.name")).isEqualTo("customer.name");
        assertThat(ProblemMapper.fieldOf("put.contractId")).isEqualTo("contractId");
    }
}
