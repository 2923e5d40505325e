package io.launcher.api;

/** A failure the caller cannot fix by changing the request: a bug, or an I/O failure of the store. */
public final class InternalException extends LauncherException {

    public InternalException(String message) {
        super(message);
    }

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
