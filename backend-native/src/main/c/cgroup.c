/*
 * One cgroup per container, chosen once: cgroup v2 when /sys/fs/cgroup is the unified
 * hierarchy, else one in every v1 hierarchy (the limits in memory, cpu, pids, freezer and devices),
 * each at <ctrl>/launcher/<id>. A controller that cannot be set up is an error only when the spec asks
 * for its limit; the freezer (pause) is driven from Java through the same directories. The device
 * rules are v1's devices.allow lines, or on v2 a BPF device filter (devfilter.c).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>
#include "shim.h"

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif
#define CGROUP_ROOT "/sys/fs/cgroup"
#define CFS_PERIOD 100000LL

struct controller {
    const char *name;  /* v1 hierarchy; NULL for the v2 unified one */
    int wanted;        /* the spec sets a limit here */
};

static int unified(void)
{
    struct statfs fs;
    return statfs(CGROUP_ROOT, &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
}

static void dir_of(const char *controller, const struct spec *spec, char *out, size_t cap)
{
    if (controller == NULL)
        snprintf(out, cap, CGROUP_ROOT "/launcher/%s", spec->id);
    else
        snprintf(out, cap, CGROUP_ROOT "/%s/launcher/%s", controller, spec->id);
}

static int knob(const char *dir, const char *name, long long value)
{
    char path[4096], text[32];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(text, sizeof text, "%lld", value);
    return write_string(path, text);
}

static int make_dir(const char *dir)
{
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", dir);
    *strrchr(parent, '/') = '\0';
    if (mkdir(parent, 0755) < 0 && errno != EEXIST)
        return fail_sys("create cgroup", parent);
    if (mkdir(dir, 0755) < 0 && errno != EEXIST)
        return fail_sys("create cgroup", dir);
    return 0;
}

/*
 * The allow rules over the default deny are the spec's, Docker's first: the Java side writes them
 * (spi's DefaultDeviceRules), so both backends get one list. A spec without them (a bundle of a
 * launcher from before) is never set up again: only an exec reads it, and an exec joins the
 * cgroup as it is. A privileged container may use every device, as on the host.
 */
static const struct device_rule EVERY_DEVICE = { 'a', -1, -1, "rwm" };

/* v2: the same rules as v1 (or every device, privileged) as a BPF device filter (devfilter.c) */
int cgroup_v2_devices(const char *dir, const struct spec *s)
{
    if (s->privileged)
        return devfilter_attach(dir, &EVERY_DEVICE, 1);
    return devfilter_attach(dir, s->device_rules, s->n_device_rules);
}

/* a rule in the devices.allow form, "c 1:3 rwm"; -1 is '*' */
static void rule_text(const struct device_rule *r, char *out, size_t cap)
{
    char major[24] = "*", minor[24] = "*";
    if (r->major >= 0)
        snprintf(major, sizeof major, "%lld", r->major);
    if (r->minor >= 0)
        snprintf(minor, sizeof minor, "%lld", r->minor);
    snprintf(out, cap, "%c %s:%s %s", r->type, major, minor, r->access);
}

static int v1_devices(const char *dir, const struct spec *s)
{
    char allow[4096], deny[4096], rule[64];
    snprintf(allow, sizeof allow, "%s/devices.allow", dir);
    snprintf(deny, sizeof deny, "%s/devices.deny", dir);
    if (s->privileged)
        return write_string(allow, "a");
    if (write_string(deny, "a") < 0)
        return -1;
    for (int i = 0; i < s->n_device_rules; i++) {
        rule_text(&s->device_rules[i], rule, sizeof rule);
        if (write_string(allow, rule) < 0)
            return -1;
    }
    return 0;
}

/* without stdio: the monitor runs this, and its resident size is kept to a few pages */
static int read_text(const char *path, char *out, size_t cap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_sys("open", path);
    ssize_t n = read(fd, out, cap - 1);
    close(fd);
    if (n < 0)
        return fail_sys("read", path);
    out[n] = '\0';
    return 0;
}

/* one cpuset file taken from the parent folder when it is born empty */
static int cpuset_copy(const char *dir, const char *file)
{
    char path[4096], parent[4096], value[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (read_text(path, value, sizeof value) < 0)
        return -1;
    if (value[0] != '\n' && value[0] != '\0')
        return 0;
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    snprintf(slash, sizeof parent - (size_t)(slash - parent), "/%s", file);
    return read_text(parent, value, sizeof value) < 0 ? -1 : write_string(path, value);
}

/* a cpuset without cpus and mems (no clone_children on the host) cannot be joined */
static int cpuset_inherit(const char *dir)
{
    char launcher[4096];
    snprintf(launcher, sizeof launcher, "%s", dir);
    *strrchr(launcher, '/') = '\0';
    const char *dirs[] = { launcher, dir };
    for (int d = 0; d < 2; d++)
        if (cpuset_copy(dirs[d], "cpuset.cpus") < 0 || cpuset_copy(dirs[d], "cpuset.mems") < 0)
            return -1;
    return 0;
}

static int v1_limits(const char *name, const char *dir, const struct spec *s)
{
    if (strcmp(name, "memory") == 0 && s->memory_bytes > 0) {
        if (knob(dir, "memory.limit_in_bytes", s->memory_bytes) < 0)
            return -1;
        /* Docker's default for -m alone: as much swap as memory; absent without swap accounting */
        knob(dir, "memory.memsw.limit_in_bytes", 2 * s->memory_bytes);
        return 0;
    }
    if (strcmp(name, "pids") == 0 && s->pids_limit > 0)
        return knob(dir, "pids.max", s->pids_limit);
    if (strcmp(name, "devices") == 0)
        return v1_devices(dir, s);
    if (strcmp(name, "cpuset") == 0)
        return cpuset_inherit(dir);
    if (strcmp(name, "cpu") != 0)
        return 0;
    if (s->cpu_shares > 0 && knob(dir, "cpu.shares", s->cpu_shares) < 0)
        return -1;
    if (s->nano_cpus > 0
        && (knob(dir, "cpu.cfs_period_us", CFS_PERIOD) < 0
            || knob(dir, "cpu.cfs_quota_us", s->nano_cpus * CFS_PERIOD / 1000000000LL) < 0))
        return -1;
    return 0;
}

/* exported for its unit test (src/test/c): this host has no v2 controllers to run it on */
int cgroup_v2_limits(const char *dir, const struct spec *s)
{
    char path[4096], text[64];
    if (s->memory_bytes > 0) {
        if (knob(dir, "memory.max", s->memory_bytes) < 0)
            return -1;
        knob(dir, "memory.swap.max", s->memory_bytes);
    }
    if (s->pids_limit > 0 && knob(dir, "pids.max", s->pids_limit) < 0)
        return -1;
    /* the conversion runc uses from v1 shares (2..262144) to v2 weight (1..10000) */
    if (s->cpu_shares > 0 && knob(dir, "cpu.weight", 1 + ((s->cpu_shares - 2) * 9999) / 262142) < 0)
        return -1;
    if (s->nano_cpus > 0) {
        snprintf(path, sizeof path, "%s/cpu.max", dir);
        snprintf(text, sizeof text, "%lld %lld", s->nano_cpus * CFS_PERIOD / 1000000000LL, CFS_PERIOD);
        return write_string(path, text);
    }
    return 0;
}

/*
 * Beyond the five it uses, the container gets a cgroup in every other v1 hierarchy a host
 * commonly has, as Docker does: its /sys/fs/cgroup (cgroupfs.c) then shows its own cgroup as
 * each root, not the host's tree. One the host lacks fails its mkdir and is skipped.
 */
static const char *const V1_OTHERS[] = {
    "cpuacct", "cpuset", "blkio", "net_cls", "net_prio", "perf_event", "hugetlb", "rdma", "misc", "systemd",
};
#define V1_CONTROLLERS (5 + (int)(sizeof V1_OTHERS / sizeof V1_OTHERS[0]))

/* the hierarchies to use; one of the others the host lacks is left out (a failure costs pages) */
static int v1_controllers(const struct spec *s, struct controller out[V1_CONTROLLERS])
{
    char root[64];
    out[0] = (struct controller){ "memory", s->memory_bytes > 0 };
    out[1] = (struct controller){ "cpu", s->cpu_shares > 0 || s->nano_cpus > 0 };
    out[2] = (struct controller){ "pids", s->pids_limit > 0 };
    out[3] = (struct controller){ "freezer", 0 };
    /* the device rules are confinement, not a limit: required wherever the hierarchy exists */
    out[4] = (struct controller){ "devices", access(CGROUP_ROOT "/devices", F_OK) == 0 };
    int n = 5;
    for (size_t i = 0; i < sizeof V1_OTHERS / sizeof V1_OTHERS[0]; i++) {
        snprintf(root, sizeof root, CGROUP_ROOT "/%s", V1_OTHERS[i]);
        if (access(root, F_OK) == 0)
            out[n++] = (struct controller){ V1_OTHERS[i], 0 };
    }
    return n;
}

int cgroup_create(const struct spec *spec)
{
    char dir[4096];
    if (unified()) {
        write_string(CGROUP_ROOT "/cgroup.subtree_control", "+memory +cpu +pids");
        dir_of(NULL, spec, dir, sizeof dir);
        int rc = make_dir(dir);
        write_string(CGROUP_ROOT "/launcher/cgroup.subtree_control", "+memory +cpu +pids");
        if (rc == 0)
            rc = cgroup_v2_limits(dir, spec);
        return rc == 0 ? cgroup_v2_devices(dir, spec) : rc;
    }
    struct controller ctrl[V1_CONTROLLERS];
    int n = v1_controllers(spec, ctrl);
    for (int i = 0; i < n; i++) {
        dir_of(ctrl[i].name, spec, dir, sizeof dir);
        int rc = make_dir(dir);
        if (rc == 0)
            rc = v1_limits(ctrl[i].name, dir, spec);
        if (rc < 0 && ctrl[i].wanted)
            return -1;
    }
    return 0;
}

/*
 * The calling process joins the container's cgroups; it must be single-threaded (the init, an
 * exec's helper). On v1 it writes "0" to each hierarchy's tasks file: a thread that moves itself
 * is migrated without the global threadgroup lock, whose writer waits out an RCU grace period
 * (about 10 ms here) on every cgroup.procs write. v2 has only cgroup.procs.
 */
int cgroup_join(const struct spec *spec)
{
    char dir[4096], path[4096];
    struct controller ctrl[V1_CONTROLLERS];
    int n = unified() ? 1 : v1_controllers(spec, ctrl);
    for (int i = 0; i < n; i++) {
        dir_of(n == 1 ? NULL : ctrl[i].name, spec, dir, sizeof dir);
        snprintf(path, sizeof path, "%s/%s", dir, n == 1 ? "cgroup.procs" : "tasks");
        if (write_string(path, "0") < 0 && (n == 1 || ctrl[i].wanted))
            return -1;
    }
    return 0;
}

/* the kernel counts OOM kills: v1 in memory.oom_control, v2 in memory.events */
int cgroup_oom_killed(const struct spec *spec)
{
    char dir[4096], path[4096], line[128];
    int v2 = unified();
    dir_of(v2 ? NULL : "memory", spec, dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s", dir, v2 ? "memory.events" : "memory.oom_control");
    FILE *file = fopen(path, "re");
    if (file == NULL)
        return 0;
    long long kills = 0;
    while (fgets(line, sizeof line, file))
        if (sscanf(line, "oom_kill %lld", &kills) == 1)
            break;
    fclose(file);
    return kills > 0;
}

/* rmdir fails with EBUSY while dying processes still leave: retry briefly */
static void remove_dir(const char *dir)
{
    struct timespec pause = { 0, 20 * 1000 * 1000 };
    for (int attempt = 0; attempt < 50; attempt++) {
        if (rmdir(dir) == 0 || errno == ENOENT)
            return;
        nanosleep(&pause, NULL);
    }
}

/*
 * A privileged container may make cgroups of its own below its cgroup and leave them: a cgroup
 * with children cannot be removed, so they go first (their processes are gone with the
 * container's PID namespace). The depth is bounded; what lies deeper stays, as does its parent.
 */
static void remove_tree(const char *dir, int depth)
{
    DIR *folder = depth < 16 ? opendir(dir) : NULL;
    if (folder != NULL) {
        struct dirent *entry;
        while ((entry = readdir(folder)) != NULL) {
            if (entry->d_type != DT_DIR || strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            char child[4096];
            if (snprintf(child, sizeof child, "%s/%s", dir, entry->d_name) < (int)sizeof child)
                remove_tree(child, depth + 1);
        }
        closedir(folder);
    }
    remove_dir(dir);
}

void cgroup_remove(const struct spec *spec)
{
    char dir[4096];
    if (unified()) {
        dir_of(NULL, spec, dir, sizeof dir);
        remove_tree(dir, 0);
        return;
    }
    struct controller ctrl[V1_CONTROLLERS];
    int n = v1_controllers(spec, ctrl);
    for (int i = 0; i < n; i++) {
        dir_of(ctrl[i].name, spec, dir, sizeof dir);
        remove_tree(dir, 0);
    }
}
