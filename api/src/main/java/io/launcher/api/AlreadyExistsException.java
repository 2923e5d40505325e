package io.launcher.api;

/** The name or key is taken. */
public final class AlreadyExistsException extends LauncherException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
