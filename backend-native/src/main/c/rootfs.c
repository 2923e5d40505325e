/*
 * The container's root: the storage driver's mounts on <bundle>/rootfs, then /proc (of the
 * new PID namespace), /sys, /dev, the bind mounts, the given device nodes, the read-only remount
 * (rootfs_prepare), and pivot_root (rootfs_enter; not chroot: the host's mounts must be
 * unreachable, not just hidden). The init joins its cgroups between the two, while the host's
 * /sys/fs/cgroup is still there.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

struct flag_option {
    const char *name;
    unsigned long set;
    unsigned long clear;
};

static const struct flag_option FLAG_OPTIONS[] = {
    { "ro", MS_RDONLY, 0 },       { "rw", 0, MS_RDONLY },
    { "nosuid", MS_NOSUID, 0 },   { "nodev", MS_NODEV, 0 },
    { "noexec", MS_NOEXEC, 0 },   { "bind", MS_BIND, 0 },
    { "rbind", MS_BIND | MS_REC, 0 },
};

static int mkdir_all(const char *path, mode_t mode)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, mode) < 0 && errno != EEXIST)
            return fail_sys("create", buf);
        *p = '/';
    }
    if (mkdir(buf, mode) < 0 && errno != EEXIST)
        return fail_sys("create", buf);
    return 0;
}

/* splits options into mount flags and the filesystem's data string (overlay's lowerdir=...) */
static unsigned long mount_flags(const struct rootfs_mount *m, char *data, size_t cap)
{
    unsigned long flags = 0;
    data[0] = '\0';
    for (int i = 0; i < m->n_options; i++) {
        int known = 0;
        for (size_t k = 0; k < sizeof FLAG_OPTIONS / sizeof FLAG_OPTIONS[0]; k++) {
            if (strcmp(m->options[i], FLAG_OPTIONS[k].name) == 0) {
                flags = (flags | FLAG_OPTIONS[k].set) & ~FLAG_OPTIONS[k].clear;
                known = 1;
            }
        }
        if (!known) {
            size_t len = strlen(data);
            snprintf(data + len, cap - len, "%s%s", len ? "," : "", m->options[i]);
        }
    }
    if (strcmp(m->type, "bind") == 0)
        flags |= MS_BIND;
    return flags;
}

static int mount_rootfs(const struct spec *spec, const char *target)
{
    for (int i = 0; i < spec->n_mounts; i++) {
        const struct rootfs_mount *m = &spec->mounts[i];
        char data[8192], what[128];
        unsigned long flags = mount_flags(m, data, sizeof data);
        snprintf(what, sizeof what, "mount %s at", m->type);
        const char *type = (flags & MS_BIND) ? NULL : m->type;
        if (mount(m->source, target, type, flags & ~MS_RDONLY, data[0] ? data : NULL) < 0)
            return fail_sys(what, target);
        /* a bind ignores MS_RDONLY on the first call: it takes a remount */
        if ((flags & MS_RDONLY)
            && mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) < 0)
            return fail_sys("remount read-only", target);
    }
    return 0;
}

/* /proc, /sys and /dev must be real folders of the image: a symlink there could aim the mount out */
static int kernel_mount_point(const char *root, const char *sub, char *target, size_t cap)
{
    snprintf(target, cap, "%s/%s", root, sub);
    if (mkdir(target, 0755) < 0 && errno != EEXIST)
        return fail_sys("create", target);
    int fd = open(target, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return fail_sys("open mount point", target);
    close(fd);
    return 0;
}

static int mount_kernel_fs(const char *root, const char *sub, const char *type, unsigned long flags)
{
    char target[4096], what[64];
    if (kernel_mount_point(root, sub, target, sizeof target) < 0)
        return -1;
    snprintf(what, sizeof what, "mount %s at", type);
    if (mount(type, target, type, flags, NULL) < 0)
        return fail_sys(what, target);
    return 0;
}

/* a destination climbing out with ".." could bind over the host's files */
static int has_dot_dot(const char *path)
{
    size_t len = strlen(path);
    return strstr(path, "/../") != NULL || (len >= 3 && strcmp(path + len - 3, "/..") == 0);
}

/* binds through /proc/self/fd of a target opened inside the root: no path is walked twice */
static int bind_one(int root_fd, const struct bind_mount *b)
{
    struct stat st;
    char via[64];
    if (stat(b->source, &st) < 0)
        return fail_sys("stat bind source", b->source);
    int fd = inroot_open(root_fd, b->destination, 1, S_ISDIR(st.st_mode));
    if (fd < 0)
        return -1;
    inroot_fd_path(fd, via, sizeof via);
    int rc = mount(b->source, via, NULL, MS_BIND | MS_REC, NULL);
    close(fd);
    if (rc < 0)
        return fail_sys("bind mount", b->destination);
    if (!b->read_only)
        return 0;
    /* reopened, the path now reaches the new bind on top */
    fd = inroot_open(root_fd, b->destination, 0, S_ISDIR(st.st_mode));
    if (fd < 0)
        return -1;
    inroot_fd_path(fd, via, sizeof via);
    rc = mount(NULL, via, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);
    close(fd);
    return rc < 0 ? fail_sys("remount read-only", b->destination) : 0;
}

static int mount_binds(const struct spec *spec, const char *root)
{
    int root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0)
        return fail_sys("open", root);
    int rc = 0;
    for (int i = 0; i < spec->n_binds && rc == 0; i++) {
        if (has_dot_dot(spec->binds[i].destination))
            rc = fail_spec("invalid mount destination %s: it must not contain ..", spec->binds[i].destination);
        else
            rc = bind_one(root_fd, &spec->binds[i]);
    }
    close(root_fd);
    return rc;
}

/* runc's trick: pivot_root(".", ".") stacks the old root on the new one, then detach it */
int rootfs_enter(const char *bundle)
{
    char root[4096];
    snprintf(root, sizeof root, "%s/rootfs", bundle);
    int old_root = open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (old_root < 0)
        return fail_sys("open", "/");
    if (chdir(root) < 0)
        return fail_sys("chdir to", root);
    if (syscall(SYS_pivot_root, ".", ".") < 0)
        return fail_sys("pivot_root to", root);
    if (fchdir(old_root) < 0)
        return fail_sys("chdir to", "the old root");
    close(old_root);
    if (mount(NULL, ".", NULL, MS_SLAVE | MS_REC, NULL) < 0)
        return fail_sys("make old root slave", "/");
    if (umount2(".", MNT_DETACH) < 0)
        return fail_sys("detach old root", "/");
    if (chdir("/") < 0)
        return fail_sys("chdir to", "/");
    return 0;
}

int rootfs_prepare(const char *bundle, const struct spec *spec)
{
    char root[4096], dev[4096];
    snprintf(root, sizeof root, "%s/rootfs", bundle);
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        return fail_sys("make / rprivate", "/");
    if (mkdir_all(root, 0755) < 0 || mount_rootfs(spec, root) < 0)
        return -1;
    if (mount_kernel_fs(root, "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC) < 0)
        return -1;
    /* privileged, as Docker: /sys writable and no masked or read-only kernel paths */
    if (mount_kernel_fs(root, "sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | (spec->privileged ? 0 : MS_RDONLY)) < 0)
        return -1;
    if (!spec->privileged && masks_apply(root) < 0)
        return -1;
    if (kernel_mount_point(root, "dev", dev, sizeof dev) < 0 || devices_populate(dev, spec->privileged) < 0)
        return -1;
    /* after the binds, as runc: a given device lands on top of whatever they put there */
    if (mount_binds(spec, root) < 0 || devnodes_make(root, spec) < 0)
        return -1;
    if (spec->readonly_rootfs
        && mount(NULL, root, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) < 0)
        return fail_sys("remount read-only", root);
    return 0;
}
