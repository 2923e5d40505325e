/*
 * The host's device nodes in a privileged container's /dev, as Docker gives them: each node is
 * made again (mknod, same type, numbers, mode and owner) in the container's own /dev tmpfs, not
 * bound, so nothing of the host's /dev is shared and everything goes with the container's mount
 * namespace. Skipped, as runc skips them: the folders a container has of its own (pts, shm,
 * mqueue) or that are links (fd), the console, ptmx (a link to the container's devpts) and
 * nodes already made (the harmless ones devices.c binds). Symlinks and files are left out.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "shim.h"

#define MAX_DEPTH 4

static const char *const SKIPPED[] = { "pts", "shm", "mqueue", "fd", "console", "ptmx", ".lxc", ".udev" };

static int skipped(const char *name)
{
    if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
        return 1;
    for (size_t i = 0; i < sizeof SKIPPED / sizeof SKIPPED[0]; i++)
        if (strcmp(name, SKIPPED[i]) == 0)
            return 1;
    return 0;
}

static int make_node(const char *target, const struct stat *st)
{
    if (mknod(target, st->st_mode & (S_IFMT | 07777), st->st_rdev) < 0) {
        if (errno == EEXIST)
            return 0;
        return fail_sys("create device node", target);
    }
    /* mknod applies the umask; the owner is the host's too (disk, tty groups) */
    if (chmod(target, st->st_mode & 07777) < 0 || lchown(target, st->st_uid, st->st_gid) < 0)
        return fail_sys("set owner of device node", target);
    return 0;
}

static int copy_dir(const char *host, const char *target, int depth)
{
    DIR *dir = opendir(host);
    if (dir == NULL)
        return fail_sys("read", host);
    int rc = 0;
    struct dirent *entry;
    while (rc == 0 && (entry = readdir(dir)) != NULL) {
        if (depth == 0 ? skipped(entry->d_name) : (entry->d_name[0] == '.'))
            continue;
        char from[4096], to[4096];
        struct stat st;
        snprintf(from, sizeof from, "%s/%s", host, entry->d_name);
        snprintf(to, sizeof to, "%s/%s", target, entry->d_name);
        if (lstat(from, &st) < 0)
            continue;  /* gone meanwhile (udev) */
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
            rc = make_node(to, &st);
        } else if (S_ISDIR(st.st_mode) && depth + 1 < MAX_DEPTH) {
            if (mkdir(to, st.st_mode & 07777) < 0 && errno != EEXIST)
                rc = fail_sys("create", to);
            else
                rc = copy_dir(from, to, depth + 1);
        }
    }
    closedir(dir);
    return rc;
}

int host_devices_copy(const char *dev_dir)
{
    return copy_dir("/dev", dev_dir, 0);
}
