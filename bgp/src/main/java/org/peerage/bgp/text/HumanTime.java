package org.peerage.bgp.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The {@code -M} time field: bgpdump's "MM/DD/YY HH:MM:SS" in UTC (gmtime, docs/bgpdump-format.md §3). */
final class HumanTime {
    private HumanTime() {
    }

    static void write(AsciiSink out, long epochSeconds) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
        out.padded(t.getMonthValue(), 2).ch('/').padded(t.getDayOfMonth(), 2).ch('/').padded(t.getYear() % 100, 2)
                .ch(' ').padded(t.getHour(), 2).ch(':').padded(t.getMinute(), 2).ch(':').padded(t.getSecond(), 2);
    }
}
