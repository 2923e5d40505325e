/* The forked user process: stdio, identity, working directory, seccomp, then execve with a PATH lookup. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "shim.h"

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

static const char *container_path(const struct spec *spec)
{
    for (int i = 0; i < spec->n_env; i++)
        if (strncmp(spec->env[i], "PATH=", 5) == 0)
            return spec->env[i] + 5;
    return DEFAULT_PATH;
}

/* Go's wording of an errno, as Docker prints it: "permission denied" */
static void describe_errno(int err, char *out, size_t cap)
{
    snprintf(out, cap, "%s", strerror(err));
    out[0] = (char)tolower((unsigned char)out[0]);
}

/* Docker's wording: 127 when there is nothing to run, 126 when it cannot be run */
static void __attribute__((noreturn)) exec_failed(const char *name, int err, int not_found)
{
    char reason[128];
    describe_errno(err, reason, sizeof reason);
    if (not_found)
        dprintf(2, "exec: \"%s\": executable file not found in $PATH\n", name);
    else
        dprintf(2, "exec: \"%s\": %s\n", name, reason);
    _exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

static void __attribute__((noreturn)) exec_lookup(const struct spec *spec)
{
    const char *name = spec->args[0];
    if (strchr(name, '/') != NULL) {
        execve(name, spec->args, spec->env);
        exec_failed(name, errno, 0);
    }
    char path[4096], candidate[4096];
    snprintf(path, sizeof path, "%s", container_path(spec));
    int denied = 0;
    char *save = NULL;
    for (char *dir = strtok_r(path, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        snprintf(candidate, sizeof candidate, "%s/%s", *dir ? dir : ".", name);
        execve(candidate, spec->args, spec->env);
        if (errno == EACCES)
            denied = 1;
        else if (errno != ENOENT && errno != ENOTDIR)
            exec_failed(name, errno, 0);
    }
    if (denied)
        exec_failed(name, EACCES, 0);
    exec_failed(name, ENOENT, 1);
}

/* a terminal becomes the controlling terminal and all of stdio; else the given fds, stdin /dev/null */
static void stdio_setup(const struct spec *spec, const struct process_io *io)
{
    if (io->tty_fd >= 0) {
        if (ioctl(io->tty_fd, TIOCSCTTY, 0) < 0) {
            dprintf(io->tty_fd, "unable to set controlling terminal: %s\n", errno_name(errno));
            _exit(126);
        }
        /* the user owns their terminal, as runc does */
        if (fchown(io->tty_fd, spec->uid, (gid_t)-1) < 0)
            dprintf(io->tty_fd, "unable to chown terminal: %s\n", errno_name(errno));
        for (int fd = 0; fd < 3; fd++)
            dup2(io->tty_fd, fd);
        if (io->tty_fd > 2)
            close(io->tty_fd);
        return;
    }
    int in_fd = io->in_fd >= 0 ? io->in_fd : open("/dev/null", O_RDONLY);
    if (in_fd >= 0 && in_fd != 0) {
        dup2(in_fd, 0);
        close(in_fd);
    }
    if (io->out_fd != 1)
        dup2(io->out_fd, 1);
    if (io->err_fd != 2)
        dup2(io->err_fd, 2);
    if (io->out_fd > 2)
        close(io->out_fd);
    if (io->err_fd > 2 && io->err_fd != io->out_fd)
        close(io->err_fd);
}

static void enter_cwd(const char *cwd)
{
    /* Docker creates a missing working directory rather than failing */
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", cwd);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    }
    mkdir(buf, 0755);
    if (chdir(cwd) < 0) {
        char reason[128];
        describe_errno(errno, reason, sizeof reason);
        dprintf(2, "chdir to cwd (\"%s\") set in config failed: %s\n", cwd, reason);
        _exit(126);
    }
}

/* runc's order: bounding set while root, keep capabilities across setuid, then the final sets */
static void become_user(const struct spec *spec)
{
    if (caps_drop_bounding(spec->caps) < 0 || prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) {
        dprintf(2, "%s\n", shim_fault ? shim_error : "unable to keep capabilities");
        _exit(126);
    }
    if (setgroups((size_t)spec->n_groups, spec->groups) < 0 || setgid(spec->gid) < 0
        || setuid(spec->uid) < 0) {
        dprintf(2, "unable to set user %u:%u: %s\n", spec->uid, spec->gid, errno_name(errno));
        _exit(126);
    }
    prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
    if (caps_set(spec->caps) < 0 || (spec->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)) {
        dprintf(2, "%s\n", shim_fault ? shim_error : "unable to set no_new_privs");
        _exit(126);
    }
}

void exec_user_process(const struct spec *spec, const struct process_io *io)
{
    /* the init blocked everything and the monitor ignores SIGPIPE: give the process a clean slate */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    setsid();
    stdio_setup(spec, io);
    close_fds_from(3, NULL, 0);
    enter_cwd(spec->cwd);
    become_user(spec);
    /* last: after no_new_privs, which lets a process without CAP_SYS_ADMIN install it, and
     * after every call of ours the filter might deny; execve and the PATH lookup are allowed */
    int filtered = spec->seccomp_unconfined ? 0 : seccomp_install_program(spec->seccomp_program);
    if (filtered < 0) {
        dprintf(2, "%s\n", shim_error);
        _exit(126);
    }
    exec_lookup(spec);
}
