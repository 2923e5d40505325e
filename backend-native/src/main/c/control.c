/*
 * The monitor's control socket, <bundle>/monitor.sock: the one place its protocol is defined
 * (the Java side is MonitorConnection). Lines of ASCII words ending in '\n'; every request
 * gets exactly one reply, in order; "exit" is pushed to every client when the init ends.
 *
 *   engine -> monitor          monitor -> engine              when
 *   -------------------------  -----------------------------  --------------------------------
 *   state                      state created|running <pid>    any time before the exit
 *   start                      started <pid>                  created: the init runs the process
 *                              error <message>                not created
 *   signal <n> init|all        ok                             init: kill(init); all: every
 *                              error <message>                process of the PID namespace
 *   (none)                     exit <code> <signal> <oom>     the init ended (oom 0|1); then
 *                                                             the socket is closed and unlinked
 *
 * A terminal (-t) and stdin (-i) will get their own words here (an fd passed with
 * SCM_RIGHTS), so the protocol stays one socket per container.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
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

static void handle(struct monitor *m, struct client *c, const char *line)
{
    if (strcmp(line, "state") == 0) {
        reply(c, "state %s %d\n", m->started ? "running" : "created", m->init_pid);
    } else if (strcmp(line, "start") == 0) {
        if (m->started) {
            reply(c, "error cannot start an already running container\n");
            return;
        }
        if (write(m->start_fd, "start\n", 6) != 6) {
            reply(c, "error unable to start init %d: %s\n", m->init_pid, errno_name(errno));
            return;
        }
        m->started = 1;
        reply(c, "started %d\n", m->init_pid);
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
        close(c->fd);
        c->fd = -1;
        return;
    }
    c->len += (size_t)n;
    char *start = c->buf, *newline;
    while (c->fd >= 0 && (newline = memchr(start, '\n', c->len - (size_t)(start - c->buf))) != NULL) {
        *newline = '\0';
        handle(m, c, start);
        start = newline + 1;
    }
    if (c->fd < 0)
        return;
    c->len -= (size_t)(start - c->buf);
    memmove(c->buf, start, c->len);
    if (c->len == sizeof c->buf - 1) {
        close(c->fd);
        c->fd = -1;
    }
}

void control_broadcast_exit(struct monitor *m, const struct exit_status *e)
{
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (m->clients[i].fd < 0)
            continue;
        reply(&m->clients[i], "exit %d %d %d\n", e->code, e->signal, e->oom);
        if (m->clients[i].fd >= 0)
            close(m->clients[i].fd);
        m->clients[i].fd = -1;
    }
}
