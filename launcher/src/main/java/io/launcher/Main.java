package io.launcher;

/** The entry point of {@code bin/launcher}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("launcher: not built yet");
        System.exit(125);
    }
}
