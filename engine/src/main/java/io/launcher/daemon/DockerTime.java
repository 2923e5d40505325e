package io.launcher.daemon;

import io.launcher.api.ContainerState;
import io.launcher.api.InvalidSpecException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the Docker API writes them: Go's RFC3339Nano, and unix seconds in queries. */
public final class DockerTime {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private DockerTime() {
    }

    /** RFC3339Nano with trailing zeros of the fraction dropped, as Go prints it. */
    public static String format(Instant time) {
        String fraction = "";
        if (time.getNano() != 0) {
            fraction = "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
        }
        return SECONDS.format(time) + fraction + "Z";
    }

    /** RFC3339Nano with all nine digits, as Docker stamps log lines (so they line up). */
    public static String formatFixed(Instant time) {
        return SECONDS.format(time) + "." + String.format("%09d", time.getNano()) + "Z";
    }

    /** Parses an RFC 3339 time with any offset; empty means never. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return ContainerState.NEVER;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSpecException("invalid time " + text, e);
        }
    }

    /** Parses Docker's {@code since} form: unix seconds with an optional fraction. */
    public static Instant parseUnix(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            long whole = seconds.longValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidSpecException("invalid value for since: " + text, e);
        }
    }
}
