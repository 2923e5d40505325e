package io.launcher.spi.isolation;

/**
 * The system call filter of a container, as Docker chooses it: its default profile (about fifty
 * calls a container has no business making, such as {@code mount}, {@code unshare},
 * {@code keyctl}, {@code kexec_load}, each lifted where the container keeps the capability
 * Docker ties it to), none ({@code --security-opt seccomp=unconfined}), or a custom profile
 * ({@code --security-opt seccomp=profile.json}), whose rules {@link SandboxSpec#seccompFilter()} holds.
 */
public enum SeccompProfile {
    DEFAULT,
    UNCONFINED,
    CUSTOM
}
