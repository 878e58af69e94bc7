package com.slaledger.support.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Writes Jackson's location of a bad value as the field path clients see: {@code items[2].start}. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
