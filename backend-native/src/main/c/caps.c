/*
 * Capabilities: the spec names the final set (Docker's default +/- --cap-add/--cap-drop, decided
 * by the engine); every other one leaves the bounding set, and the kept ones fill the permitted
 * and effective sets. The inheritable set stays empty, as Docker has left it since
 * CVE-2022-24769 (a non-empty one lets a non-root user gain capabilities from file
 * capabilities). The order is runc's: drop the bounding set while still root, keep
 * capabilities across the uid change, then set the final sets.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

/* indexed by capability number, as io.launcher.spi.isolation.Capabilities.ALL */
static const char *const NAMES[] = {
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
    "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
    "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
    "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};
#define N_NAMES ((int)(sizeof NAMES / sizeof NAMES[0]))

int caps_add(unsigned long long *set, const char *name)
{
    for (int i = 0; i < N_NAMES; i++) {
        if (strcmp(NAMES[i], name) == 0) {
            *set |= 1ULL << i;
            return 0;
        }
    }
    return -1;
}

/* capabilities this kernel has beyond our table are dropped too: they are unknown, not granted */
static int last_cap(void)
{
    FILE *file = fopen("/proc/sys/kernel/cap_last_cap", "re");
    int last = 63;
    if (file != NULL) {
        if (fscanf(file, "%d", &last) != 1)
            last = 63;
        fclose(file);
    }
    return last;
}

/*
 * The privileged set, as moby's GetAllCapabilities: every capability this project knows that the
 * shim itself holds; where the engine runs with fewer (itself in a container), a privileged
 * container gets what the engine has rather than failing on the rest.
 */
unsigned long long caps_all(void)
{
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    unsigned long long known = (1ULL << N_NAMES) - 1;
    if (syscall(SYS_capget, &header, data) < 0)
        return known;
    return known & (data[0].permitted | ((unsigned long long)data[1].permitted << 32));
}

int caps_drop_bounding(unsigned long long keep)
{
    int last = last_cap();
    for (int cap = 0; cap <= last && cap < 64; cap++) {
        if (keep & (1ULL << cap))
            continue;
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) {
            char name[32];
            snprintf(name, sizeof name, "%d", cap);
            return fail_sys("drop capability", name);
        }
    }
    return 0;
}

int caps_set(unsigned long long keep)
{
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    for (int i = 0; i < 2; i++) {
        __u32 word = (__u32)(keep >> (32 * i));
        data[i].effective = data[i].permitted = word;
        data[i].inheritable = 0;
    }
    if (syscall(SYS_capset, &header, data) < 0)
        return fail_sys("set capabilities of", "the process");
    /* ambient capabilities would survive an exec as non-root: Docker grants none */
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    return 0;
}
