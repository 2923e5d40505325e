/*
 * Docker's masked and read-only paths: kernel files that leak host information or let a
 * container change the host (kcore, sysrq-trigger, /proc/sys...). A masked file gets /dev/null
 * bound over it, a masked folder an empty read-only tmpfs; a read-only path is bound onto itself
 * and remounted read-only. Paths this kernel lacks are skipped.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "shim.h"

static const char *const MASKED[] = {
    "proc/acpi", "proc/asound", "proc/interrupts", "proc/kcore", "proc/keys", "proc/latency_stats",
    "proc/timer_list", "proc/timer_stats", "proc/sched_debug", "proc/scsi",
    "sys/firmware", "sys/devices/virtual/powercap",
};

static const char *const READ_ONLY[] = {
    "proc/bus", "proc/fs", "proc/irq", "proc/sys", "proc/sysrq-trigger",
};

static int mask(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : fail_sys("stat", path);
    if (S_ISDIR(st.st_mode)) {
        if (mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=0") < 0)
            return fail_sys("mask", path);
    } else if (mount("/dev/null", path, NULL, MS_BIND, NULL) < 0) {
        return fail_sys("mask", path);
    }
    return 0;
}

static int read_only(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : fail_sys("stat", path);
    if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0)
        return fail_sys("bind", path);
    if (mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        return fail_sys("remount read-only", path);
    return 0;
}

int masks_apply(const char *root)
{
    char path[4096];
    for (size_t i = 0; i < sizeof READ_ONLY / sizeof READ_ONLY[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, READ_ONLY[i]);
        if (read_only(path) < 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof MASKED / sizeof MASKED[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, MASKED[i]);
        if (mask(path) < 0)
            return -1;
    }
    return 0;
}
