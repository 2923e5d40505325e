package io.launcher.api;

/**
 * cgroup limits of a container; zero means unlimited (or the default weight), as in Docker's
 * HostConfig. {@code nanoCpus} is {@code --cpus} times 10^9.
 */
public record ResourceLimits(long memoryBytes, long cpuShares, long nanoCpus, long pidsLimit) {
    public static final ResourceLimits NONE = new ResourceLimits(0, 0, 0, 0);

    public ResourceLimits {
        if (memoryBytes < 0 || cpuShares < 0 || nanoCpus < 0 || pidsLimit < 0) {
            throw new InvalidSpecException("invalid resource limits: values must not be negative");
        }
        if (memoryBytes != 0 && memoryBytes < 6 * 1024 * 1024) {
            throw new InvalidSpecException("Minimum memory limit allowed is 6MB");
        }
    }
}
