/* The minimal /dev of a container: a tmpfs with the host's harmless nodes bound in. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "shim.h"

static const char *const NODES[] = { "null", "zero", "full", "random", "urandom", "tty" };

static const char *const LINKS[][2] = {
    { "pts/ptmx", "ptmx" },
    { "/proc/self/fd", "fd" },
    { "/proc/self/fd/0", "stdin" },
    { "/proc/self/fd/1", "stdout" },
    { "/proc/self/fd/2", "stderr" },
};

/* binding the host node (rather than mknod) also works where mknod is refused */
static int bind_node(const char *dev_dir, const char *name)
{
    char host[64], target[4096];
    snprintf(host, sizeof host, "/dev/%s", name);
    snprintf(target, sizeof target, "%s/%s", dev_dir, name);
    int fd = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return fail_sys("create device node", target);
    close(fd);
    if (mount(host, target, NULL, MS_BIND, NULL) < 0)
        return fail_sys("bind device", target);
    return 0;
}

static int mount_at(const char *dev_dir, const char *sub, const char *type, unsigned long flags,
                    const char *data)
{
    char target[4096];
    snprintf(target, sizeof target, "%s/%s", dev_dir, sub);
    if (mkdir(target, 0755) < 0 && errno != EEXIST)
        return fail_sys("create", target);
    if (mount(type, target, type, flags, data) < 0) {
        char what[64];
        snprintf(what, sizeof what, "mount %s at", type);
        return fail_sys(what, target);
    }
    return 0;
}

int devices_populate(const char *dev_dir, int privileged)
{
    if (mount("tmpfs", dev_dir, "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k") < 0)
        return fail_sys("mount tmpfs at", dev_dir);
    for (size_t i = 0; i < sizeof NODES / sizeof NODES[0]; i++)
        if (bind_node(dev_dir, NODES[i]) < 0)
            return -1;
    if (privileged && host_devices_copy(dev_dir) < 0)
        return -1;
    if (mount_at(dev_dir, "pts", "devpts", MS_NOSUID | MS_NOEXEC,
                 "newinstance,ptmxmode=0666,mode=0620,gid=5") < 0)
        return -1;
    if (mount_at(dev_dir, "shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k") < 0)
        return -1;
    if (mount_at(dev_dir, "mqueue", "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        return -1;
    for (size_t i = 0; i < sizeof LINKS / sizeof LINKS[0]; i++) {
        char link[4096];
        snprintf(link, sizeof link, "%s/%s", dev_dir, LINKS[i][1]);
        if (symlink(LINKS[i][0], link) < 0)
            return fail_sys("create symlink", link);
    }
    return 0;
}
