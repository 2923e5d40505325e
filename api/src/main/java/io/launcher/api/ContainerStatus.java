package io.launcher.api;

import java.util.Locale;

/** A container's lifecycle state, named as Docker's {@code State.Status} names it. */
public enum ContainerStatus {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** The lower-case word Docker's API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
