/*
 * The monitor's control socket, <bundle>/monitor.sock: the one place its protocol is defined
 * (the Java side is MonitorConnection). Lines of ASCII words ending in '\n'; every request
 * gets exactly one reply, in order; "exit" is pushed to every client when the init ends, then
 * "reaped" and "done" as the monitor cleans up after it.
 *
 *   engine -> monitor          monitor -> engine              when
 *   -------------------------  -----------------------------  --------------------------------
 *   state                      state created|running <pid>    any time before the exit
 *   start                      started <pid>                  created: the init runs the process
 *                              error <message>                not created
 *   signal <n> init|all        ok                             init: kill(init); all: every
 *                              error <message>                process of the PID namespace
 *   stdin                      ok                             the spec has stdin: from here on
 *                              error <message>                the connection carries raw input
 *                                                             bytes (stdin.c); its EOF ends the
 *                                                             input (pipe closed, or ^D typed on
 *                                                             a terminal); a newer stdin client
 *                                                             replaces (disconnects) this one
 *   resize <rows> <cols>       ok                             TIOCSWINSZ on the terminal's master
 *                              error <message>                (ok and nothing done without one)
 *   (none)                     exit <code> <signal> <oom>     the init ended (oom 0|1); the
 *                                                             socket is unlinked first, so no
 *                                                             client comes after it
 *   (none)                     reaped                         the init was reaped: its mounts
 *                                                             (the root's among them) went with
 *                                                             its namespaces
 *   (none)                     done                           the cgroups are removed too: all
 *                                                             that is left of the container is
 *                                                             the bundle; the monitor closes
 *                                                             every connection and exits
 *
 * The terminal (spec "terminal 1"): once the init is ready the monitor opens the master in the
 * container's own devpts (/proc/<init>/root/dev/pts/ptmx), so the slave is /dev/pts/<n> inside;
 * "start <n>" tells the init, whose child opens it after setsid as its controlling terminal.
 * What the master reads is logged as stream "stdout".
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>
#include "monitor.h"

int control_listen(const char *name)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", name);
    unlink(name);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return fail_sys("create control socket", name);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
        fail_sys("listen on control socket", name);
        close(fd);
        return -1;
    }
    return fd;
}

void control_accept(struct monitor *m)
{
    int fd = accept4(m->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (m->clients[i].fd < 0) {
            m->clients[i].fd = fd;
            m->clients[i].len = 0;
            m->clients[i].is_stdin = 0;
            return;
        }
    }
    close(fd);
}

static void reply(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void reply(struct client *c, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* a client that does not read its replies loses its connection, never blocks the monitor */
    if (n > 0 && send(c->fd, line, (size_t)n, MSG_DONTWAIT | MSG_NOSIGNAL) != n) {
        close(c->fd);
        c->fd = -1;
    }
}

/* host pids whose PID namespace is the init's: the processes of the container */
static void signal_all(pid_t init_pid, int sig)
{
    char path[64], init_ns[64], ns[64];
    snprintf(path, sizeof path, "/proc/%d/ns/pid", init_pid);
    ssize_t n = readlink(path, init_ns, sizeof init_ns - 1);
    if (n <= 0)
        return;
    init_ns[n] = '\0';
    DIR *proc = opendir("/proc");
    if (proc == NULL)
        return;
    struct dirent *entry;
    while ((entry = readdir(proc)) != NULL) {
        pid_t pid = (pid_t)atoi(entry->d_name);
        if (pid <= 0 || pid == init_pid)
            continue;
        snprintf(path, sizeof path, "/proc/%d/ns/pid", pid);
        n = readlink(path, ns, sizeof ns - 1);
        if (n <= 0)
            continue;
        ns[n] = '\0';
        if (strcmp(ns, init_ns) == 0)
            kill(pid, sig);
    }
    closedir(proc);
    /* SIGKILL to the init takes the whole namespace down with it */
    if (sig == SIGKILL)
        kill(init_pid, sig);
}

static void handle_signal(struct monitor *m, struct client *c, const char *args)
{
    int sig;
    char target[8];
    if (sscanf(args, "%d %7s", &sig, target) != 2 || sig <= 0 || sig >= NSIG) {
        reply(c, "error invalid signal request\n");
        return;
    }
    if (strcmp(target, "all") == 0) {
        signal_all(m->init_pid, sig);
    } else if (strcmp(target, "init") != 0) {
        reply(c, "error invalid signal target %s\n", target);
        return;
    } else if (kill(m->init_pid, sig) < 0) {
        reply(c, "error unable to signal init %d: %s\n", m->init_pid, errno_name(errno));
        return;
    }
    reply(c, "ok\n");
}

void control_drop(struct monitor *m, struct client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->len = 0;
    c->is_stdin = 0;
    if (m->stdin_client == c)
        m->stdin_client = NULL;
}

static void handle_resize(struct monitor *m, struct client *c, const char *args)
{
    struct winsize size = { 0 };
    if (sscanf(args, "%hu %hu", &size.ws_row, &size.ws_col) != 2) {
        reply(c, "error invalid resize request\n");
        return;
    }
    if (m->tty_fd >= 0 && ioctl(m->tty_fd, TIOCSWINSZ, &size) < 0) {
        reply(c, "error unable to resize terminal: %s\n", errno_name(errno));
        return;
    }
    reply(c, "ok\n");
}

/* tells the parked init to run the process: "start" or, with a terminal, "start <pts>" */
int control_start_init(struct monitor *m)
{
    char line[32];
    int n = m->tty_fd >= 0 ? snprintf(line, sizeof line, "start %d\n", m->pts) : snprintf(line, sizeof line, "start\n");
    if (write(m->start_fd, line, (size_t)n) != n) {
        snprintf(shim_error, sizeof shim_error, "unable to start init %d: %s", m->init_pid, errno_name(errno));
        return -1;
    }
    m->started = 1;
    /* only now: before the child opens the slave, the master reads nothing worth waiting for */
    if (m->tty_fd >= 0)
        m->tty = (struct log_stream){ .fd = fcntl(m->tty_fd, F_DUPFD_CLOEXEC, 3), .name = "stdout" };
    return 0;
}

static void handle_start(struct monitor *m, struct client *c)
{
    if (m->started) {
        reply(c, "error cannot start an already running container\n");
        return;
    }
    if (control_start_init(m) < 0) {
        reply(c, "error %s\n", shim_error);
        return;
    }
    reply(c, "started %d\n", m->init_pid);
}

static void handle(struct monitor *m, struct client *c, const char *line)
{
    if (strcmp(line, "stdin") == 0) {
        if (m->stdin_fd < 0)
            reply(c, "error the container has no open stdin\n");
        else
            reply(c, "ok\n");
        if (m->stdin_fd >= 0 && c->fd >= 0)
            c->is_stdin = 1;
    } else if (strncmp(line, "resize ", 7) == 0) {
        handle_resize(m, c, line + 7);
    } else if (strcmp(line, "state") == 0) {
        reply(c, "state %s %d\n", m->started ? "running" : "created", m->init_pid);
    } else if (strcmp(line, "start") == 0) {
        handle_start(m, c);
    } else if (strncmp(line, "signal ", 7) == 0) {
        handle_signal(m, c, line + 7);
    } else {
        reply(c, "error unknown request\n");
    }
}

void control_read(struct monitor *m, struct client *c)
{
    ssize_t n = recv(c->fd, c->buf + c->len, sizeof c->buf - 1 - c->len, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        control_drop(m, c);
        return;
    }
    c->len += (size_t)n;
    char *start = c->buf, *newline;
    while (c->fd >= 0 && (newline = memchr(start, '\n', c->len - (size_t)(start - c->buf))) != NULL) {
        *newline = '\0';
        handle(m, c, start);
        start = newline + 1;
        if (c->is_stdin) {
            stdin_attach(m, c, start, c->len - (size_t)(start - c->buf));
            return;
        }
    }
    if (c->fd < 0)
        return;
    c->len -= (size_t)(start - c->buf);
    memmove(c->buf, start, c->len);
    if (c->len == sizeof c->buf - 1)
        control_drop(m, c);
}

/* the connections stay open for "done": an engine deletes the bundle once it has that */
void control_broadcast_exit(struct monitor *m, const struct exit_status *e)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (m->clients[i].fd >= 0)
            reply(&m->clients[i], "exit %d %d %d\n", e->code, e->signal, e->oom);
}

void control_broadcast_reaped(struct monitor *m)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (m->clients[i].fd >= 0)
            reply(&m->clients[i], "reaped\n");
}

void control_broadcast_done(struct monitor *m)
{
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (m->clients[i].fd < 0)
            continue;
        reply(&m->clients[i], "done\n");
        if (m->clients[i].fd >= 0)
            close(m->clients[i].fd);
        m->clients[i].fd = -1;
    }
}
