package com.slaledger.support.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Validates a request body (Bean Validation annotations on the request record) and rejects it
 * with a 400 problem naming every offending field. Resources call this instead of relying on
 * {@code @Valid}, whose violations Quarkus maps itself (quarkusio/quarkus#41102).
 */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns the body when valid; throws {@link ProblemException} (400) otherwise. */
    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<Violation> violations = violations(validator.validate(body));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return body;
    }

    public static <T> List<Violation> violations(Set<ConstraintViolation<T>> found) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<T> v : found) {
            violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return violations;
    }
}
