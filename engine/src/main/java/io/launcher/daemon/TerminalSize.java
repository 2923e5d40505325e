package io.launcher.daemon;

/** The {@code h} and {@code w} of a resize call: both required, positive, within a tty's 16 bits. */
final class TerminalSize {
    private TerminalSize() {
    }

    static int rows(ApiRequest request) {
        return dimension(request, "h");
    }

    static int columns(ApiRequest request) {
        return dimension(request, "w");
    }

    private static int dimension(ApiRequest request, String name) {
        long value = request.query().number(name, -1);
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("invalid terminal size: " + name + " must be between 0 and 65535");
        }
        return (int) value;
    }
}
