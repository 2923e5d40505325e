package io.launcher.backend.lxc.config;

import java.util.Optional;

/**
 * The cgroup files the backend writes, under the key LXC takes them with: {@code lxc.cgroup.*}
 * for v1 hierarchies, {@code lxc.cgroup2.*} for the unified one. v2's cpu.max takes two numbers
 * and has its own entry ({@link LxcEntry.CgroupCpuMax}).
 */
public enum CgroupSetting {
    V1_MEMORY_LIMIT("lxc.cgroup.memory.limit_in_bytes"),
    V1_CPU_SHARES("lxc.cgroup.cpu.shares"),
    V1_CPU_CFS_PERIOD("lxc.cgroup.cpu.cfs_period_us"),
    V1_CPU_CFS_QUOTA("lxc.cgroup.cpu.cfs_quota_us"),
    V1_PIDS_MAX("lxc.cgroup.pids.max"),
    V2_MEMORY_MAX("lxc.cgroup2.memory.max"),
    V2_CPU_WEIGHT("lxc.cgroup2.cpu.weight"),
    V2_PIDS_MAX("lxc.cgroup2.pids.max");

    private final String key;

    CgroupSetting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<CgroupSetting> forKey(String key) {
        for (CgroupSetting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
