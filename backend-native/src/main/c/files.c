/* Small file operations the monitor and the init share. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "shim.h"

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/*
 * temp name, rename: a reader sees the old content or the whole new one, never half. No fsync:
 * its one user, the exit file, is read by a daemon that was down when the container ended, and
 * a host crash in that window ends the monitor too; once the daemon has the exit it records it
 * durably in the container's own state, so the sync here only delayed the exit's broadcast.
 */
int write_file_atomic(const char *path, const char *content)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail_sys("create", tmp);
    if (write_all(fd, content, strlen(content)) < 0) {
        fail_sys("write", tmp);
        close(fd);
        unlink(tmp);
        return -1;
    }
    close(fd);
    if (rename(tmp, path) < 0)
        return fail_sys("rename", tmp);
    return 0;
}

/* for cgroup and /proc knobs: one write, no temp file */
int write_string(const char *path, const char *content)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_sys("open", path);
    if (write_all(fd, content, strlen(content)) < 0) {
        fail_sys("write", path);
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

static int kept(int fd, const int *keep, int n_keep)
{
    for (int i = 0; i < n_keep; i++)
        if (keep[i] == fd)
            return 1;
    return 0;
}

/* closes every descriptor >= lowest except the kept ones: nothing of the engine leaks inward */
void close_fds_from(int lowest, const int *keep, int n_keep)
{
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL) {
        for (int fd = lowest; fd < 1024; fd++)
            if (!kept(fd, keep, n_keep))
                close(fd);
        return;
    }
    int self = dirfd(dir);
    int fds[1024];
    int n = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && n < 1024) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        int fd = atoi(entry->d_name);
        if (fd >= lowest && fd != self && !kept(fd, keep, n_keep))
            fds[n++] = fd;
    }
    closedir(dir);
    for (int i = 0; i < n; i++)
        close(fds[i]);
}
