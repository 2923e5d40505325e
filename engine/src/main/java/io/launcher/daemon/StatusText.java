package io.launcher.daemon;

import io.launcher.api.ContainerState;
import java.time.Duration;
import java.time.Instant;

/** The {@code Status} column of {@code docker ps}: "Up 3 seconds", "Exited (0) 2 minutes ago". */
final class StatusText {
    private StatusText() {
    }

    static String of(ContainerState state, Instant now) {
        return switch (state.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + human(Duration.between(state.startedAt(), now));
            case PAUSED -> "Up " + human(Duration.between(state.startedAt(), now)) + " (Paused)";
            case RESTARTING -> "Restarting (" + state.exitCode() + ") " + ago(state, now);
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case EXITED -> "Exited (" + state.exitCode() + ") " + ago(state, now);
        };
    }

    private static String ago(ContainerState state, Instant now) {
        return human(Duration.between(state.finishedAt(), now)) + " ago";
    }

    /** Docker's units.HumanDuration, rounding the same way. */
    static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toSeconds() / 3600.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }
}
