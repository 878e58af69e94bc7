package com.slaledger.support.rest;

/** One offending field of a request: {@code field} is a JSON path such as {@code [3].observedAt}. */
public record Violation(String field, String message) {}
