package io.launcher.backend.lxc;

import io.launcher.backend.lxc.config.Capability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's default seccomp profile as an LXC profile ({@code lxc.seccomp.profile}, text format
 * version 2): a deny list, everything else allowed. It is the twin of backend-native's
 * {@code seccomp.c} (plugins share no code): the same calls, the same errno, the same
 * capabilities lifting them, as Docker ties them in its profile's {@code includes.caps}.
 *
 * <p>Differences from backend-native, both from what LXC's format can say: a personality other
 * than Docker's five is allowed (a "not one of these" test needs an allow list), and the i386
 * and x32 ABIs follow the same deny list instead of being refused. lxc-attach applies the
 * profile to exec'd processes too.
 */
final class SeccompPolicy {
    /** Each CLONE_NEW* flag, one masked rule each: LXC reads the value and mask in decimal. */
    private static final long[] NAMESPACE_FLAGS = {0x00020000L, 0x02000000L, 0x04000000L, 0x08000000L,
        0x10000000L, 0x20000000L, 0x40000000L};
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final int AF_VSOCK = 40;

    /** Call name to the capabilities that lift its rule; an empty set: never lifted. */
    private static final Map<String, Set<Capability>> DENIED = denied();

    private SeccompPolicy() {
    }

    private static Map<String, Set<Capability>> denied() {
        Map<String, Set<Capability>> rules = new LinkedHashMap<>();
        for (String always : List.of("keyctl", "add_key", "request_key", "userfaultfd", "pivot_root", "swapon",
                "swapoff", "io_uring_setup", "io_uring_enter", "io_uring_register", "nfsservctl", "uselib", "ustat",
                "sysfs", "_sysctl", "get_kernel_syms", "create_module", "query_module")) {
            rules.put(always, Set.of());
        }
        List.of("init_module", "finit_module", "delete_module").forEach(n -> rules.put(n, Set.of(Capability.SYS_MODULE)));
        List.of("reboot", "kexec_load", "kexec_file_load").forEach(n -> rules.put(n, Set.of(Capability.SYS_BOOT)));
        rules.put("acct", Set.of(Capability.SYS_PACCT));
        rules.put("syslog", Set.of(Capability.SYSLOG, Capability.SYS_ADMIN));
        List.of("mount", "umount2", "unshare", "setns", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount",
                "fspick", "mount_setattr", "quotactl", "quotactl_fd", "fanotify_init", "lookup_dcookie")
                .forEach(n -> rules.put(n, Set.of(Capability.SYS_ADMIN)));
        rules.put("name_to_handle_at", Set.of(Capability.SYS_ADMIN, Capability.DAC_READ_SEARCH));
        rules.put("open_by_handle_at", Set.of(Capability.DAC_READ_SEARCH));
        rules.put("bpf", Set.of(Capability.SYS_ADMIN, Capability.BPF));
        rules.put("perf_event_open", Set.of(Capability.SYS_ADMIN, Capability.PERFMON));
        List.of("pidfd_getfd", "process_madvise").forEach(n -> rules.put(n, Set.of(Capability.SYS_PTRACE)));
        List.of("mbind", "set_mempolicy", "get_mempolicy", "move_pages").forEach(n -> rules.put(n, Set.of(Capability.SYS_NICE)));
        List.of("settimeofday", "clock_settime").forEach(n -> rules.put(n, Set.of(Capability.SYS_TIME)));
        List.of("iopl", "ioperm").forEach(n -> rules.put(n, Set.of(Capability.SYS_RAWIO)));
        rules.put("vhangup", Set.of(Capability.SYS_TTY_CONFIG));
        rules.put("chroot", Set.of(Capability.SYS_CHROOT));
        return rules;
    }

    /** The profile for a container that keeps {@code kept}. */
    static String render(Set<Capability> kept) {
        StringBuilder out = new StringBuilder("2\ndenylist\n[all]\n");
        DENIED.forEach((call, lifting) -> {
            if (lifting.stream().noneMatch(kept::contains)) {
                out.append(call).append(" errno ").append(EPERM).append('\n');
            }
        });
        if (!kept.contains(Capability.SYS_ADMIN)) {
            // clone3 passes its flags in memory, out of a filter's reach: ENOSYS makes libc fall back to clone
            out.append("clone3 errno ").append(ENOSYS).append('\n');
            for (long flag : NAMESPACE_FLAGS) {
                out.append("clone errno ").append(EPERM)
                        .append(" [0,").append(flag).append(",SCMP_CMP_MASKED_EQ,").append(flag).append("]\n");
            }
        }
        out.append("socket errno ").append(EPERM).append(" [0,").append(AF_VSOCK).append(",SCMP_CMP_EQ]\n");
        return out.toString();
    }
}
