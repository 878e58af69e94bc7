package com.slaledger.ledger.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An element of a contract's {@code services} (SPEC §4, §16.2): a service id, written as a
 * string, or a redundant group {@code {"name": "database", "anyOf": ["db-eu", "db-us"]}}, down
 * only while every member is. The same shape in the request, the stored document and the answer.
 */
@Schema(
        description = "a service id, or a redundant group {name, anyOf: [2 to 20 service ids]} that is down only"
                + " while every member is down",
        oneOf = {String.class, CoveredService.Group.class},
        example = "{\"name\": \"database\", \"anyOf\": [\"db-eu\", \"db-us\"]}")
public record CoveredService(String name, List<String> anyOf) {

    public CoveredService {
        anyOf = anyOf == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(anyOf));
    }

    /** A plain service, written as its id. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CoveredService of(String serviceId) {
        return new CoveredService(serviceId, null);
    }

    /** Plain services, by id. */
    public static List<CoveredService> all(String... serviceIds) {
        return java.util.Arrays.stream(serviceIds).map(CoveredService::of).toList();
    }

    /** A group, written as an object. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static CoveredService group(@JsonProperty("name") String name, @JsonProperty("anyOf") List<String> anyOf) {
        return new CoveredService(name, anyOf == null ? List.of() : anyOf);
    }

    public boolean isGroup() {
        return anyOf != null;
    }

    /** The services whose monitoring decides it: its members, or itself. */
    public List<String> members() {
        return isGroup() ? anyOf : List.of(name);
    }

    /** As JSON: the id for a plain service, the object for a group. */
    @JsonValue
    public Object json() {
        if (!isGroup()) {
            return name;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("anyOf", anyOf);
        return out;
    }

    /** The object form, for the OpenAPI document. */
    @Schema(name = "ServiceGroup")
    public record Group(
            @Schema(description = "the group's name, a service id unique in the contract", example = "database")
                    String name,
            @Schema(description = "2 to 20 distinct service ids", example = "[\"db-eu\", \"db-us\"]")
                    List<String> anyOf) {}
}
