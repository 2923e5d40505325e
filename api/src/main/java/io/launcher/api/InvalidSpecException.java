package io.launcher.api;

/** The request itself is wrong: a bad flag value, a malformed reference, a hostile tarball. */
public final class InvalidSpecException extends LauncherException {

    public InvalidSpecException(String message) {
        super(message);
    }

    public InvalidSpecException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
