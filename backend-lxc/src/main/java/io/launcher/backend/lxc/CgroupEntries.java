package io.launcher.backend.lxc;

import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.CgroupSetting;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.backend.lxc.config.LxcEntry.CgroupCpuMax;
import io.launcher.backend.lxc.config.LxcEntry.CgroupLimit;
import io.launcher.spi.isolation.DefaultDeviceRules;
import io.launcher.spi.isolation.DeviceRule;
import java.util.ArrayList;
import java.util.List;

/** Docker's resource flags as LXC cgroup entries, for one cgroup version; zero means unset. */
final class CgroupEntries {
    /** Docker's CFS period for {@code --cpus}: 100 ms. */
    static final long CFS_PERIOD_MICROS = 100_000;
    /** The kernel refuses a CFS quota under 1 ms. */
    private static final long MIN_QUOTA_MICROS = 1_000;

    private CgroupEntries() {
    }

    static List<LxcEntry> of(ResourceLimits limits, CgroupVersion version) {
        List<LxcEntry> entries = new ArrayList<>();
        boolean v1 = version == CgroupVersion.V1;
        if (limits.memoryBytes() > 0) {
            entries.add(new CgroupLimit(v1 ? CgroupSetting.V1_MEMORY_LIMIT : CgroupSetting.V2_MEMORY_MAX, limits.memoryBytes()));
        }
        if (limits.cpuShares() > 0) {
            entries.add(v1 ? new CgroupLimit(CgroupSetting.V1_CPU_SHARES, limits.cpuShares())
                    : new CgroupLimit(CgroupSetting.V2_CPU_WEIGHT, weight(limits.cpuShares())));
        }
        if (limits.nanoCpus() > 0) {
            long quota = Math.max(MIN_QUOTA_MICROS, limits.nanoCpus() * CFS_PERIOD_MICROS / 1_000_000_000L);
            if (v1) {
                // The period first: the kernel checks a new quota against the current period.
                entries.add(new CgroupLimit(CgroupSetting.V1_CPU_CFS_PERIOD, CFS_PERIOD_MICROS));
                entries.add(new CgroupLimit(CgroupSetting.V1_CPU_CFS_QUOTA, quota));
            } else {
                entries.add(new CgroupCpuMax(quota, CFS_PERIOD_MICROS));
            }
        }
        if (limits.pidsLimit() > 0) {
            entries.add(new CgroupLimit(v1 ? CgroupSetting.V1_PIDS_MAX : CgroupSetting.V2_PIDS_MAX, limits.pidsLimit()));
        }
        return entries;
    }

    /**
     * The devices cgroup: Docker's rules ({@link DefaultDeviceRules}) over a deny of everything,
     * then the spec's own; a privileged container may use every device, so it gets one allow of all
     * (and the spec's rules after it, which the engine leaves empty then).
     */
    static List<LxcEntry> devices(boolean privileged, List<DeviceRule> given, CgroupVersion version) {
        boolean v2 = version != CgroupVersion.V1;
        List<LxcEntry> entries = new ArrayList<>();
        // privileged: "allow a"; else "deny a", which the allow rules below then open up
        entries.add(new LxcEntry.CgroupDevices(v2, privileged, "a"));
        for (DeviceRule rule : privileged ? given : DefaultDeviceRules.with(given)) {
            entries.add(new LxcEntry.CgroupDevices(v2, true, rule.text()));
        }
        return entries;
    }

    /** cpu.shares [2, 262144] onto cpu.weight [1, 10000], runc's conversion. */
    static long weight(long shares) {
        long clamped = Math.min(262_144, Math.max(2, shares));
        return 1 + ((clamped - 2) * 9_999) / 262_142;
    }
}
