package com.slaledger.ledger.calendar;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A business calendar as the API takes and gives it (SPEC §13.1).
 *
 * @param weekly per weekday ({@code MON} .. {@code SUN}) its local working intervals, each
 *     {@code ["HH:MM", "HH:MM"]}; {@code "24:00"} ends at midnight; a day not named has none
 * @param holidays local dates without working time
 */
@Schema(
        example = "{\"name\": \"EU business hours\", \"timezone\": \"Europe/Lisbon\", \"weekly\": {\"MON\":"
                + " [[\"09:00\", \"18:00\"]], \"FRI\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]]},"
                + " \"holidays\": [\"2026-12-25\", \"2027-01-01\"]}")
public record CalendarDocument(
        String calendarId,
        String name,
        String timezone,
        Map<String, List<List<String>>> weekly,
        List<String> holidays) {}
