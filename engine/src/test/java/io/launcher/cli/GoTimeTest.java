package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoTimeTest {
    private final TimeZone original = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(original);
    }

    /** The same text as java.time's formatter over the region's rules, in and out of daylight time. */
    @Test
    void printsWhatTheRegionsRulesSay() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");
        List<Instant> times = List.of(Instant.parse("2024-01-15T10:30:00Z"), Instant.parse("2024-07-15T23:59:59Z"),
                Instant.parse("1999-12-31T23:00:00.999Z"));
        for (String zone : List.of("UTC", "Etc/UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                "America/St_Johns", "Australia/Lord_Howe")) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            for (Instant time : times) {
                assertEquals(reference.format(time.atZone(ZoneId.of(zone))), GoTime.string(time), zone + " " + time);
            }
        }
    }

    @Test
    void utcAsGoPrintsIt() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        assertEquals("2024-05-01 11:58:30 +0000 UTC", GoTime.string(Instant.parse("2024-05-01T11:58:30Z")));
    }
}
