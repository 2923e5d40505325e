package io.launcher.api;

/** A backend cannot serve on this host or right now; the message says why. */
public final class UnavailableException extends LauncherException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
