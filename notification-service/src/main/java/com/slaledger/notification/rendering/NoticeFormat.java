package com.slaledger.notification.rendering;

import java.time.Instant;
import java.time.ZoneId;

import com.slaledger.document.Wording;
import io.quarkus.qute.TemplateExtension;

/**
 * How the notices' templates write instants and durations ({@code {fmt:instant(i.start, zone)}},
 * {@code {fmt:duration(s.downtimeSeconds)}}): the customer's time zone with its offset and UTC in
 * brackets, "1 h 02 min", "2,674,800" — the same wording as the statement document.
 */
@TemplateExtension(namespace = "fmt")
public final class NoticeFormat {

    private NoticeFormat() {}

    static String instant(Instant at, ZoneId zone) {
        return Wording.instant(at, zone);
    }

    static String duration(long seconds) {
        return Wording.duration(seconds);
    }

    static String grouped(long n) {
        return Wording.grouped(n);
    }
}
