/*
 * Paths inside the container's root, resolved as the container will see them: openat2 with
 * RESOLVE_IN_ROOT, so a symlink in the image ("/etc -> /host/etc", "../../..") can never lead
 * a mount point or a created file out of the rootfs (the runc CVE-2021-30465 family).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

static int open_in_root(int root_fd, const char *path, int flags)
{
    struct open_how how = { .flags = (unsigned long long)(flags | O_CLOEXEC),
                            .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
    return (int)syscall(SYS_openat2, root_fd, path, &how, sizeof how);
}

/* creates one missing component in the (already resolved) parent; never follows a final symlink */
static int create_component(int root_fd, const char *parent, const char *name, int as_dir)
{
    int dir = open_in_root(root_fd, *parent ? parent : "/", O_PATH | O_DIRECTORY);
    if (dir < 0)
        return fail_sys("open", parent);
    int rc = 0;
    if (as_dir) {
        if (mkdirat(dir, name, 0755) < 0 && errno != EEXIST)
            rc = fail_sys("create", name);
    } else {
        int fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST)
            rc = fail_sys("create", name);
        if (fd >= 0)
            close(fd);
    }
    close(dir);
    return rc;
}

int inroot_open(int root_fd, const char *path, int create, int as_dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    size_t len = strlen(buf);
    for (size_t end = 1; end <= len; end++) {
        if (end < len && buf[end] != '/')
            continue;
        int last = end == len;
        int want_dir = !last || as_dir;
        char saved = buf[end];
        buf[end] = '\0';
        int fd = open_in_root(root_fd, buf, O_PATH | (want_dir ? O_DIRECTORY : 0));
        if (fd < 0 && errno == ENOENT && create) {
            char *slash = strrchr(buf, '/');
            *slash = '\0';
            int rc = create_component(root_fd, buf, slash + 1, want_dir);
            *slash = '/';
            if (rc < 0)
                return -1;
            fd = open_in_root(root_fd, buf, O_PATH | (want_dir ? O_DIRECTORY : 0));
        }
        if (fd < 0)
            return fail_sys("open mount point", buf);
        buf[end] = saved;
        if (last)
            return fd;
        close(fd);
    }
    return fail_sys("open mount point", path);
}

void inroot_fd_path(int fd, char *out, size_t cap)
{
    snprintf(out, cap, "/proc/self/fd/%d", fd);
}
