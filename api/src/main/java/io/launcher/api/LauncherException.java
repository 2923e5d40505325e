package io.launcher.api;

/**
 * The fault family of Launcher, in the style of containerd's error classes. Callers branch on the
 * class, never on the message; the CLI maps each class to an exit code and the API to an HTTP
 * status. Messages follow runc: lower case, the verb, the object, the cause.
 */
public abstract sealed class LauncherException extends RuntimeException
        permits NotFoundException, AlreadyExistsException, InvalidSpecException,
                FailedPreconditionException, IllegalTransitionException, UnavailableException,
                SystemCallFailedException, InternalException {

    protected LauncherException(String message) {
        super(message);
    }

    protected LauncherException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status the Docker Engine API answers this fault with. */
    public abstract int httpStatus();
}
