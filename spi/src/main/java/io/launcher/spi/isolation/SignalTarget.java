package io.launcher.spi.isolation;

/** Who receives a signal: the container's init, or every process in it. */
public enum SignalTarget {
    INIT, ALL
}
