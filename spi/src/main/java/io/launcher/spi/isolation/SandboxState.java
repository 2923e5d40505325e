package io.launcher.spi.isolation;

/** OCI runtime states. */
public enum SandboxState {
    CREATED, RUNNING, PAUSED, STOPPED
}
