package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /sys/fs/cgroup inside a container as Docker shows it, which a JVM or the Go runtime reads its
 * limits from: on a cgroup v1 host a tmpfs of one mount per hierarchy, on a v2 host one cgroup2
 * mount; either way the container's own cgroup is the root (a cgroup namespace) and it is
 * read-only unless the container is privileged. The host's kind decides which files the cases read.
 */
abstract class CgroupFsCases extends DeviceCases {
    /** v1 when the host has a memory hierarchy (this one: v1 plus a cgroup2 mount holding hugetlb). */
    private static final boolean V1 = Files.exists(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));
    /** The folder of the memory controller inside the container. */
    private static final String MEMORY = V1 ? "/sys/fs/cgroup/memory" : "/sys/fs/cgroup";

    @Test
    void aContainerReadsItsMemoryAndCpuLimitsFromItsCgroupFileSystem() throws Exception {
        String script = V1 ? "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpu/cpu.cfs_quota_us"
                : "cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max";
        SandboxSpec spec = KitRunner.withResources(runner.spec("sh", "-c", script),
                new ResourceLimits(16L * 1024 * 1024, 0, 500_000_000L, 0));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of("16777216", V1 ? "50000" : "50000 100000"), run.stdout().lines().toList(), run.stderr());
    }

    /** Its own cgroup at every root: /proc/self/cgroup says "/" and no cgroup of the host's shows below. */
    @Test
    void aContainerSeesItsOwnCgroupAsTheRootAndNoneOfTheHosts() throws Exception {
        String script = "cut -d: -f3 /proc/self/cgroup | sort -u | sed 's/^/path=/';"
                + " find /sys/fs/cgroup/ -mindepth " + (V1 ? 2 : 1) + " -type d | sed 's/^/below=/';"
                + " ls " + MEMORY + " | grep -q '^memory\\.' && echo memory=shown";
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", script));
        assertEquals(List.of("path=/", "memory=shown"), run.stdout().lines().toList(), run.stderr());
        if (V1) {
            KitRunner.Run links = runner.run(backend, runner.spec("sh", "-c", "ls /sys/fs/cgroup"));
            for (String hierarchy : List.of("cpu", "cpuacct", "memory", "pids", "devices", "freezer")) {
                assertTrue(links.stdout().lines().anyMatch(hierarchy::equals), hierarchy + " in " + links.stdout());
            }
        }
    }

    @Test
    void theCgroupFileSystemIsReadOnlyUnlessPrivileged() throws Exception {
        String script = "mkdir " + MEMORY + "/kit && echo mkdir=ok && rmdir " + MEMORY + "/kit;"
                + " touch /sys/fs/cgroup/kit && echo touch=ok && rm /sys/fs/cgroup/kit;"
                + " grep ' /sys/fs/cgroup ' /proc/mounts | cut -d' ' -f3,4 | cut -d, -f1";
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", script));
        String type = V1 ? "tmpfs" : "cgroup2";
        assertEquals(List.of(type + " ro"), run.stdout().lines().toList(), run.stderr());
        assertTrue(run.stderr().contains("Read-only file system"), run.stderr());
        KitRunner.Run privileged = runner.run(backend, PrivilegedCases.privileged(runner.spec("sh", "-c",
                "mkdir " + MEMORY + "/kit && echo mkdir=ok && rmdir " + MEMORY + "/kit;"
                        + " grep ' /sys/fs/cgroup ' /proc/mounts | cut -d' ' -f3,4 | cut -d, -f1")));
        assertEquals(List.of("mkdir=ok", type + " rw"), privileged.stdout().lines().toList(), privileged.stderr());
    }
}
