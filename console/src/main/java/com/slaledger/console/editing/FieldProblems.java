package com.slaledger.console.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;

/**
 * What the API refused, sorted for a form: each violation beside the form field its path
 * belongs to ({@code fieldOf} says which, or null for none), the rest after the problem's detail
 * at the top of the page.
 */
record FieldProblems(Map<String, String> byField, String summary) {

    static FieldProblems of(SlaClient.Reply refused, Function<String, String> fieldOf, boolean withPath) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        JsonNode problem = refused.json();
        if (problem == null) {
            return new FieldProblems(byField, refused.problem());
        }
        for (JsonNode v : problem.path("violations")) {
            String path = v.path("field").asText();
            String said = withPath
                    ? path + ": " + v.path("message").asText()
                    : v.path("message").asText();
            String field = fieldOf.apply(path);
            if (field == null) {
                general.add(path + ": " + v.path("message").asText());
            } else {
                byField.merge(field, said, (a, b) -> a + "; " + b);
            }
        }
        String summary = problem.path("detail").asText(refused.problem());
        return new FieldProblems(byField, general.isEmpty() ? summary : summary + " " + String.join("; ", general));
    }

    String of(String field) {
        return byField.getOrDefault(field, "");
    }
}
