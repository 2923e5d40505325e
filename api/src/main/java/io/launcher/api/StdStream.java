package io.launcher.api;

/** A standard stream of a container's process; the number is Docker's multiplexing stream type. */
public enum StdStream {
    STDIN(0), STDOUT(1), STDERR(2);

    private final int number;

    StdStream(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
