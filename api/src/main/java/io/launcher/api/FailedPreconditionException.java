package io.launcher.api;

/** The request is sound but the object is not in a state that allows it (an image in use, a container running). */
public final class FailedPreconditionException extends LauncherException {

    public FailedPreconditionException(String message) {
        super(message);
    }

    public FailedPreconditionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
