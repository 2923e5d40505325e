/*
 * The detached monitor of one container: it clones the init into new namespaces, copies the
 * process's output into the json-file log, serves the control socket, and when the init ends
 * writes <bundle>/exit (atomically), tells every client, unlinks the socket and exits. It runs
 * with the bundle as its working directory, so socket and exit file use short relative names.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include "monitor.h"

#define INIT_STACK (1024 * 1024)
#define SOCKET_NAME "monitor.sock"

static struct monitor m;

/* the init's messages are short lines; one byte at a time keeps the next one in the pipe */
static int read_line(int fd, char *line, size_t cap)
{
    size_t len = 0;
    while (len < cap - 1) {
        ssize_t n = read(fd, line + len, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (line[len] == '\n')
            break;
        len++;
    }
    line[len] = '\0';
    return (int)len;
}

static int open_pipes(int out[2], int err[2], int sync[2], int start[2])
{
    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0 || pipe2(sync, O_CLOEXEC) < 0
        || pipe2(start, O_CLOEXEC) < 0)
        return fail_sys("create", "pipes");
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(err[0], F_SETFL, O_NONBLOCK);
    return 0;
}

static pid_t clone_init(struct init_args *args)
{
    int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | SIGCHLD;
    if (args->spec->network == NET_PRIVATE)
        flags |= CLONE_NEWNET;
    char *stack = mmap(NULL, INIT_STACK, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED)
        return fail_sys("allocate", "init stack");
    pid_t pid = clone(init_main, stack + INIT_STACK, flags, args);
    if (pid < 0)
        fail_sys("clone", "init");
    munmap(stack, INIT_STACK);
    return pid;
}

/* from clone to "ready": the init is in its cgroup, its root is prepared, it waits for "start" */
static int create_container(const char *bundle, struct spec *spec)
{
    int out[2], err[2], sync[2], start[2];
    if (open_pipes(out, err, sync, start) < 0 || cgroup_create(spec) < 0)
        return -1;
    struct init_args args = { bundle, spec, sync[1], start[0], out[1], err[1] };
    m.init_pid = clone_init(&args);
    close(out[1]); close(err[1]); close(sync[1]); close(start[0]);
    if (m.init_pid < 0)
        return -1;
    m.out = (struct log_stream){ .fd = out[0], .name = "stdout" };
    m.err = (struct log_stream){ .fd = err[0], .name = "stderr" };
    m.sync_fd = sync[0];
    m.start_fd = start[1];
    if (cgroup_enter(spec, m.init_pid) < 0 || write(m.start_fd, "go\n", 3) != 3)
        return shim_fault ? -1 : fail_sys("release", "init");
    char line[600];
    read_line(m.sync_fd, line, sizeof line);
    if (strcmp(line, "ready") == 0)
        return 0;
    int fault = FAULT_SYSCALL, offset = 0;
    if (sscanf(line, "error %d %n", &fault, &offset) >= 1 && offset > 0)
        snprintf(shim_error, sizeof shim_error, "%s", line + offset);
    else
        snprintf(shim_error, sizeof shim_error, "unable to start container init: it exited");
    shim_fault = fault;
    return -1;
}

static void abandon(const struct spec *spec)
{
    if (m.init_pid > 0) {
        kill(m.init_pid, SIGKILL);
        waitpid(m.init_pid, NULL, 0);
    }
    cgroup_remove(spec);
}

/* what the init said about its process, or what waitpid says when the init itself was killed */
static struct exit_status exit_status_of(int wait_status)
{
    struct exit_status e = { 0, 0, 0 };
    char line[64];
    fcntl(m.sync_fd, F_SETFL, O_NONBLOCK);
    if (read_line(m.sync_fd, line, sizeof line) > 0 && sscanf(line, "exit %d %d", &e.code, &e.signal) == 2)
        return e;
    if (WIFSIGNALED(wait_status)) {
        e.signal = WTERMSIG(wait_status);
        e.code = 128 + e.signal;
    } else {
        e.code = WEXITSTATUS(wait_status);
    }
    return e;
}

/* the container's processes are gone, so the pipes reach EOF: bounded anyway */
static void drain_logs(void)
{
    for (int round = 0; round < 200 && (m.out.fd >= 0 || m.err.fd >= 0); round++) {
        struct pollfd fds[2] = { { m.out.fd, POLLIN, 0 }, { m.err.fd, POLLIN, 0 } };
        if (poll(fds, 2, 10) <= 0)
            continue;
        if (m.out.fd >= 0 && fds[0].revents)
            log_stream_drain(&m.out, m.log_fd);
        if (m.err.fd >= 0 && fds[1].revents)
            log_stream_drain(&m.err, m.log_fd);
    }
    log_stream_flush(&m.out, m.log_fd);
    log_stream_flush(&m.err, m.log_fd);
}

static void finish(int wait_status)
{
    struct exit_status e = exit_status_of(wait_status);
    drain_logs();
    e.oom = cgroup_oom_killed(m.spec);
    char text[64];
    snprintf(text, sizeof text, "%d %d %d\n", e.code, e.signal, e.oom);
    write_file_atomic("exit", text);
    control_broadcast_exit(&m, &e);
    unlink(SOCKET_NAME);
    cgroup_remove(m.spec);
}

static int poll_once(struct pollfd *fds, int *n)
{
    *n = 0;
    fds[(*n)++] = (struct pollfd){ m.listen_fd, POLLIN, 0 };
    fds[(*n)++] = (struct pollfd){ m.signal_fd, POLLIN, 0 };
    fds[(*n)++] = (struct pollfd){ m.out.fd, POLLIN, 0 };
    fds[(*n)++] = (struct pollfd){ m.err.fd, POLLIN, 0 };
    for (int i = 0; i < MAX_CLIENTS; i++)
        fds[(*n)++] = (struct pollfd){ m.clients[i].fd, POLLIN, 0 };
    return poll(fds, (nfds_t)*n, -1);
}

static void serve(void)
{
    struct pollfd fds[4 + MAX_CLIENTS];
    int n;
    for (;;) {
        if (poll_once(fds, &n) < 0)
            continue;
        if (fds[0].revents)
            control_accept(&m);
        if (fds[2].revents && m.out.fd >= 0)
            log_stream_drain(&m.out, m.log_fd);
        if (fds[3].revents && m.err.fd >= 0)
            log_stream_drain(&m.err, m.log_fd);
        for (int i = 0; i < MAX_CLIENTS; i++)
            if (fds[4 + i].revents && m.clients[i].fd >= 0)
                control_read(&m, &m.clients[i]);
        if (fds[1].revents) {
            struct signalfd_siginfo info;
            while (read(m.signal_fd, &info, sizeof info) == sizeof info)
                ;
            int status;
            if (waitpid(m.init_pid, &status, WNOHANG) == m.init_pid) {
                finish(status);
                return;
            }
        }
    }
}

static int report(int report_fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int report(int report_fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdprintf(report_fd, fmt, ap);
    va_end(ap);
    close(report_fd);
    return 0;
}

int monitor_run(const char *bundle, struct spec *spec, int report_fd)
{
    m.spec = spec;
    for (int i = 0; i < MAX_CLIENTS; i++)
        m.clients[i].fd = -1;
    signal(SIGPIPE, SIG_IGN);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    m.signal_fd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
    m.log_fd = open(spec->log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (m.log_fd < 0)
        fail_sys("open log file", spec->log_path);
    if (m.log_fd < 0 || m.signal_fd < 0 || create_container(bundle, spec) < 0
        || (m.listen_fd = control_listen(SOCKET_NAME)) < 0) {
        abandon(spec);
        report(report_fd, "error %d %s\n", shim_fault ? shim_fault : FAULT_SYSCALL, shim_error);
        return 1;
    }
    report(report_fd, "ok %d %d\n", getpid(), m.init_pid);
    serve();
    return 0;
}
