package io.launcher.daemon;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.NotFoundException;
import io.launcher.api.UnavailableException;

/**
 * Carries the fault class across the wire: the status alone cannot tell AlreadyExists from
 * FailedPrecondition (both 409), so responses name the class in {@link #HEADER}. Docker
 * clients ignore the field; Launcher's client rebuilds the same exception from it.
 */
public final class ApiFaults {
    public static final String HEADER = "X-Launcher-Fault";

    private ApiFaults() {
    }

    public static String name(LauncherException fault) {
        return fault.getClass().getSimpleName().replace("Exception", "");
    }

    /** The fault for an error response: by its name when given, else by the HTTP status. */
    public static LauncherException rebuild(int status, String name, String message) {
        String kind = name == null ? "" : name;
        return switch (kind) {
            case "NotFound" -> new NotFoundException(message);
            case "AlreadyExists" -> new AlreadyExistsException(message);
            case "InvalidSpec" -> new InvalidSpecException(message);
            case "FailedPrecondition" -> new FailedPreconditionException(message);
            case "IllegalTransition" -> new IllegalTransitionException(message);
            case "Unavailable" -> new UnavailableException(message);
            default -> byStatus(status, message);
        };
    }

    private static LauncherException byStatus(int status, String message) {
        return switch (status) {
            case 404 -> new NotFoundException(message);
            case 400 -> new InvalidSpecException(message);
            case 409 -> message.contains("already in use") || message.contains("already exists")
                    ? new AlreadyExistsException(message)
                    : new FailedPreconditionException(message);
            case 503 -> new UnavailableException(message);
            default -> new InternalException(message);
        };
    }
}
