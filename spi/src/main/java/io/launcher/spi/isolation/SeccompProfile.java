package io.launcher.spi.isolation;

/**
 * The system call filter of a container, as Docker chooses it: its default profile, an allow
 * list with EPERM for every other call, some calls lifted where the container keeps the
 * capability Docker ties them to ({@link DefaultSeccompFilter} states it; a backend compiles
 * {@code DefaultSeccompFilter.forCapabilities(spec.capabilities())}), none
 * ({@code --security-opt seccomp=unconfined}), or a custom profile
 * ({@code --security-opt seccomp=profile.json}), whose rules {@link SandboxSpec#seccompFilter()} holds.
 */
public enum SeccompProfile {
    DEFAULT,
    UNCONFINED,
    CUSTOM
}
