package io.launcher.backend.lxc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which cgroup keys LXC must be given: {@code lxc.cgroup2.*} when the host runs the unified
 * hierarchy alone, {@code lxc.cgroup.*} otherwise (a hybrid host such as this one keeps memory,
 * cpu and pids in v1 and only hugetlb in /sys/fs/cgroup/unified). Chosen once when the backend opens.
 */
enum CgroupVersion {
    V1, V2;

    static CgroupVersion of(Path cgroupRoot) {
        return Files.exists(cgroupRoot.resolve("cgroup.controllers")) ? V2 : V1;
    }
}
