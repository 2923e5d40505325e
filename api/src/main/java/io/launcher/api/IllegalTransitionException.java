package io.launcher.api;

/** A lifecycle move the state machine forbids (start a removed container, pause a stopped one). */
public final class IllegalTransitionException extends LauncherException {

    public IllegalTransitionException(String message) {
        super(message);
    }

    public IllegalTransitionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
