/*
 * The exec relay's side (join.c) once the child runs: forwards signals, and
 * with a terminal relays our stdin to the pty's master and the master to our stdout without
 * ever blocking on one direction while the other is full (a paste into `cat` would deadlock).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "shim.h"

struct relay {
    int master;
    pid_t child;
    int sig_fd;
    int in_open;       /* our stdin still gives bytes */
    int eof_pending;   /* our stdin ended: type ^D once the buffer is out */
    int out_open;      /* the master still gives bytes */
    int exit_code;     /* -1 while the child runs */
    char pending[4096];
    size_t len;
};

static int size_dir = -1;
static const char *size_name;

/* the folder is opened while still in the host's mount namespace: the file is reached through it */
int pty_size_file(const char *size_file)
{
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s", size_file);
    char *slash = strrchr(dir, '/');
    if (slash == NULL)
        return fail_sys("open", size_file);
    *slash = '\0';
    size_name = slash + 1;
    size_dir = open(*dir ? dir : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    return size_dir < 0 ? fail_sys("open", dir) : 0;
}

void pty_apply_size(int master)
{
    struct winsize size = { 0 };
    int fd = size_dir < 0 ? -1 : openat(size_dir, size_name, O_RDONLY | O_CLOEXEC);
    FILE *file = fd < 0 ? NULL : fdopen(fd, "r");
    if (file == NULL) {
        if (fd >= 0)
            close(fd);
        return;
    }
    if (fscanf(file, "%hu %hu", &size.ws_row, &size.ws_col) == 2)
        ioctl(master, TIOCSWINSZ, &size);
    fclose(file);
}

static void on_signal(struct relay *r)
{
    struct signalfd_siginfo info;
    while (read(r->sig_fd, &info, sizeof info) == sizeof info) {
        int signo = (int)info.ssi_signo;
        int status;
        if (signo == SIGCHLD) {
            if (r->exit_code < 0 && waitpid(r->child, &status, WNOHANG) == r->child)
                r->exit_code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        } else if (signo == SIGWINCH && r->master >= 0) {
            pty_apply_size(r->master);
        } else if (signo == SIGTERM || signo == SIGINT || signo == SIGHUP || signo == SIGQUIT
                   || signo == SIGUSR1 || signo == SIGUSR2) {
            kill(r->child, signo);
        }
    }
}

static void write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        data += n;
        len -= (size_t)n;
    }
}

static void flush_input(struct relay *r)
{
    while (r->len > 0) {
        ssize_t n = write(r->master, r->pending, r->len);
        if (n < 0 && (errno == EINTR))
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) {
            r->len = 0;
            break;
        }
        memmove(r->pending, r->pending + n, r->len - (size_t)n);
        r->len -= (size_t)n;
    }
    if (r->eof_pending) {
        struct termios t;
        char eof = 4;
        if (tcgetattr(r->master, &t) == 0 && t.c_cc[VEOF] != 0)
            eof = (char)t.c_cc[VEOF];
        if (write(r->master, &eof, 1) == 1 || errno != EAGAIN)
            r->eof_pending = 0;
    }
}

static void read_input(struct relay *r)
{
    ssize_t n = read(0, r->pending, sizeof r->pending);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        r->in_open = 0;
        r->eof_pending = 1;
    } else {
        r->len = (size_t)n;
    }
    flush_input(r);
}

static void read_output(struct relay *r)
{
    char buf[8192];
    ssize_t n = read(r->master, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        r->out_open = 0;    /* EIO: every slave is closed */
        return;
    }
    write_all(1, buf, (size_t)n);
}

static int terminal_relay(struct relay *r)
{
    fcntl(r->master, F_SETFL, O_NONBLOCK);
    int quiet_rounds = 0;
    while (r->out_open) {
        int waiting = r->len > 0 || r->eof_pending;
        struct pollfd fds[3] = {
            { r->in_open && !waiting ? 0 : -1, POLLIN, 0 },
            { r->master, (short)(POLLIN | (waiting ? POLLOUT : 0)), 0 },
            { r->sig_fd, POLLIN, 0 },
        };
        /* once the child ended, only what is already in the pty is still wanted */
        int ready = poll(fds, 3, r->exit_code >= 0 ? 50 : -1);
        if (ready == 0 && ++quiet_rounds >= 2)
            break;
        if (ready <= 0)
            continue;
        quiet_rounds = 0;
        /* signals first, and always before input: a resize the engine sent (SIGWINCH) before it
         * wrote input is pending by the time the input is here, and must reach the pty first,
         * for what reads that input may ask for its size at once (`read go; stty size`) */
        if (fds[2].revents || fds[0].revents)
            on_signal(r);
        if (fds[0].revents)
            read_input(r);
        if (fds[1].revents & POLLOUT)
            flush_input(r);
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
            read_output(r);
    }
    while (r->exit_code < 0) {
        struct pollfd fd = { r->sig_fd, POLLIN, 0 };
        if (poll(&fd, 1, -1) > 0)
            on_signal(r);
    }
    return r->exit_code;
}

int exec_relay(int master, pid_t child, int sig_fd, int stdin_open)
{
    static struct relay r;
    r = (struct relay){ .master = master, .child = child, .sig_fd = sig_fd,
                        .in_open = stdin_open, .out_open = 1, .exit_code = -1 };
    if (master >= 0)
        return terminal_relay(&r);
    while (r.exit_code < 0) {
        struct pollfd fd = { sig_fd, POLLIN, 0 };
        if (poll(&fd, 1, -1) > 0)
            on_signal(&r);
    }
    return r.exit_code;
}
