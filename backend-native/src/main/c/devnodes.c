/*
 * The nodes of --device, made as runc makes them: mknod inside the container's root (resolved
 * there, so a symlink in the image cannot lead a node out), parent folders created, with the
 * given mode and owner (mknod applies the umask, so the mode is set again). A node replaces what
 * is at its path: a user's /dev/zero mapping wins over the harmless node devices.c bound there.
 * Whether the container may open the node is the devices cgroup's matter (cgroup.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "shim.h"

static int mknod_in(int dir, const char *name, const struct device_node *d)
{
    mode_t type = d->type == 'b' ? S_IFBLK : S_IFCHR;
    return mknodat(dir, name, type | (d->mode & 07777), makedev(d->major, d->minor));
}

/* what is already there goes: a bound node is unmounted first (through the parent's fd) */
static int replace(int dir, const char *name, const struct device_node *d)
{
    char via[4096];
    snprintf(via, sizeof via, "/proc/self/fd/%d/%s", dir, name);
    umount2(via, MNT_DETACH | UMOUNT_NOFOLLOW);
    if (unlinkat(dir, name, 0) < 0)
        return fail_sys("replace device node", d->path);
    return mknod_in(dir, name, d);
}

static int make_one(int root_fd, const struct device_node *d)
{
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", d->path);
    char *slash = strrchr(parent, '/');
    const char *name = d->path + (slash - parent) + 1;
    if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strstr(d->path, "/../"))
        return fail_spec("invalid device path %s", d->path);
    if (slash == parent)
        slash[1] = '\0';
    else
        *slash = '\0';
    int dir = inroot_open(root_fd, parent, 1, 1);
    if (dir < 0)
        return -1;
    int rc = mknod_in(dir, name, d);
    if (rc < 0 && errno == EEXIST)
        rc = replace(dir, name, d);
    if (rc < 0)
        rc = fail_sys("create device node", d->path);
    else if (fchmodat(dir, name, d->mode & 07777, 0) < 0 || fchownat(dir, name, d->uid, d->gid, AT_SYMLINK_NOFOLLOW) < 0)
        rc = fail_sys("set owner of device node", d->path);
    close(dir);
    return rc;
}

int devnodes_make(const char *root, const struct spec *spec)
{
    if (spec->n_devices == 0)
        return 0;
    int root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0)
        return fail_sys("open", root);
    int rc = 0;
    for (int i = 0; i < spec->n_devices && rc == 0; i++)
        rc = make_one(root_fd, &spec->devices[i]);
    close(root_fd);
    return rc;
}
