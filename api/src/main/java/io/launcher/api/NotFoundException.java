package io.launcher.api;

/** No such object: a container, image, snapshot or plugin. */
public final class NotFoundException extends LauncherException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
