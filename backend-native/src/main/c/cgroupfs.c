/*
 * /sys/fs/cgroup inside the container, as Docker shows it: programs read their limits there (a
 * JVM's memory.limit_in_bytes or memory.max, Go's cpu.cfs_quota_us or cpu.max). On a v1 host a
 * tmpfs holds one cgroup mount per hierarchy the init belongs to, named as runc names them (a
 * comounted "cpu,cpuacct" with a link per controller); on a v2 host it is one cgroup2 mount.
 * Mounted by the init after it joined its cgroups and unshared its cgroup namespace, so each
 * mount's root is the container's own cgroup and the host's others stay out of sight. Read-only
 * unless privileged.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "shim.h"

#define CGROUP_FS "/sys/fs/cgroup"
#define KERNEL_FS_FLAGS (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RELATIME)

/* a bind the user put on /sys/fs/cgroup wins over ours, as a Docker mount wins over a default one */
static int bound_by_user(const struct spec *s)
{
    for (int i = 0; i < s->n_binds; i++) {
        const char *d = s->binds[i].destination;
        size_t len = strlen(d);
        while (len > 1 && d[len - 1] == '/')
            len--;
        if (len == strlen(CGROUP_FS) && strncmp(d, CGROUP_FS, len) == 0)
            return 1;
    }
    return 0;
}

/* cpu -> cpu,cpuacct: a program looks a controller up by its own name */
static int link_controllers(const char *dir)
{
    char names[256], link[512];
    snprintf(names, sizeof names, "%s", dir);
    for (char *save = NULL, *name = strtok_r(names, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        snprintf(link, sizeof link, CGROUP_FS "/%s", name);
        if (symlink(dir, link) < 0 && errno != EEXIST)
            return fail_sys("link", link);
    }
    return 0;
}

/* one v1 hierarchy: "memory", "cpu,cpuacct" or "name=systemd", as /proc/self/cgroup names it */
static int mount_hierarchy(const char *controllers, unsigned long ro)
{
    char target[512];
    const char *dir = strncmp(controllers, "name=", 5) == 0 ? controllers + 5 : controllers;
    snprintf(target, sizeof target, CGROUP_FS "/%s", dir);
    if (mkdir(target, 0755) < 0 && errno != EEXIST)
        return fail_sys("create", target);
    if (mount("cgroup", target, "cgroup", KERNEL_FS_FLAGS | ro, controllers) < 0)
        return fail_sys("mount cgroup at", target);
    return strchr(dir, ',') ? link_controllers(dir) : 0;
}

/* every line of /proc/self/cgroup but v2's "0::/path" is a v1 hierarchy to mount */
static int mount_v1(FILE *list, unsigned long ro)
{
    char line[512], controllers[256];
    if (mount("tmpfs", CGROUP_FS, "tmpfs", KERNEL_FS_FLAGS, "mode=755") < 0)
        return fail_sys("mount tmpfs at", CGROUP_FS);
    while (fgets(line, sizeof line, list)) {
        if (sscanf(line, "%*d:%255[^:]:", controllers) == 1 && mount_hierarchy(controllers, ro) < 0)
            return -1;
    }
    if (ro && mount("tmpfs", CGROUP_FS, "tmpfs", MS_REMOUNT | KERNEL_FS_FLAGS | MS_RDONLY, "mode=755") < 0)
        return fail_sys("remount read-only", CGROUP_FS);
    return 0;
}

/* a v1 hierarchy shows a controller name on its line; v2 alone is "0::/" */
static int has_v1(FILE *list)
{
    char line[512];
    int v1 = 0;
    while (!v1 && fgets(line, sizeof line, list))
        v1 = strncmp(line, "0::", 3) != 0;
    rewind(list);
    return v1;
}

int cgroupfs_mount(const struct spec *spec)
{
    if (bound_by_user(spec))
        return 0;
    unsigned long ro = spec->privileged ? 0 : MS_RDONLY;
    FILE *list = fopen("/proc/self/cgroup", "re");
    if (list == NULL)
        return fail_sys("open", "/proc/self/cgroup");
    int rc;
    if (has_v1(list))
        rc = mount_v1(list, ro);
    else if ((rc = mount("cgroup2", CGROUP_FS, "cgroup2", KERNEL_FS_FLAGS | ro, NULL)) < 0)
        fail_sys("mount cgroup2 at", CGROUP_FS);
    fclose(list);
    return rc;
}
