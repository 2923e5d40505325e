package io.launcher.api;

/**
 * A kernel or host call failed: the operation, the object it acted on and the errno name, e.g.
 * {@code unable to mount overlay at /var/lib/launcher/...: EINVAL}.
 */
public final class SystemCallFailedException extends LauncherException {
    private final String operation;
    private final String object;
    private final String errno;

    public SystemCallFailedException(String operation, String object, String errno) {
        super("unable to " + operation + " " + object + ": " + errno);
        this.operation = operation;
        this.object = object;
        this.errno = errno;
    }

    public SystemCallFailedException(String operation, String object, String errno, Throwable cause) {
        super("unable to " + operation + " " + object + ": " + errno, cause);
        this.operation = operation;
        this.object = object;
        this.errno = errno;
    }

    public String operation() {
        return operation;
    }

    public String object() {
        return object;
    }

    public String errno() {
        return errno;
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
