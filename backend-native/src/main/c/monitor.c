/*
 * The detached monitor of one container: it clones the init into new namespaces, makes the
 * cgroups meanwhile, writes <bundle>/pids, copies the process's output into the json-file log,
 * serves the control socket, and when the init ends unlinks the socket, tells every client,
 * writes <bundle>/exit (atomically), reaps the init ("reaped"), removes the cgroups ("done") and
 * exits. It runs with the bundle as its working directory,
 * so socket, pids and exit file use short relative names.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include "monitor.h"

#define INIT_STACK (1024 * 1024)
#define SOCKET_NAME "monitor.sock"
#define PIDS_FILE "pids"
#define LOG_PIPE_SIZE (1 << 20)

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
    /* a process printing flat out blocks less and the monitor reads in larger batches (measured:
       2M lines of seq 0.65 s instead of 1.0 s); the kernel keeps only the pages in use */
    fcntl(out[0], F_SETPIPE_SZ, LOG_PIPE_SIZE);
    fcntl(err[0], F_SETPIPE_SZ, LOG_PIPE_SIZE);
    return 0;
}

/* every namespace, the network's too: a host-network container's init rejoins ours by host_net_fd */
static pid_t clone_init(struct init_args *args)
{
    int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | SIGCHLD;
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

/*
 * Ahead of the request, in the spare: the pipes, the SIGCHLD signalfd and the init, cloned into
 * its namespaces and parked until "bundle <path>" names its spec. Nothing here depends on the
 * container. A failure is kept in shim_error and reported to the request.
 */
int monitor_prepare(void)
{
    int out[2], err[2], sync[2], start[2], in[2];
    m.tty_fd = m.stdin_fd = m.sync_fd = m.start_fd = m.init_pid = -1;
    m.out.fd = m.err.fd = m.tty.fd = -1;
    for (int i = 0; i < MAX_CLIENTS; i++)
        m.clients[i].fd = -1;
    signal(SIGPIPE, SIG_IGN);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    m.signal_fd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
    if (m.signal_fd < 0)
        return fail_sys("create", "signalfd");
    if (open_pipes(out, err, sync, start) < 0 || pipe2(in, O_CLOEXEC) < 0)
        return fail_sys("create", "pipes");
    int host_net = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (host_net < 0)
        return fail_sys("open", "/proc/self/ns/net");
    struct init_args args = { sync[1], start[0], in[0], out[1], err[1], host_net };
    m.init_pid = clone_init(&args);
    close(out[1]); close(err[1]); close(sync[1]); close(start[0]); close(in[0]); close(host_net);
    m.out = (struct log_stream){ .fd = out[0], .name = "stdout" };
    m.err = (struct log_stream){ .fd = err[0], .name = "stderr" };
    m.sync_fd = sync[0];
    m.start_fd = start[1];
    /* the process's stdin, when it has one and no terminal (a terminal carries its input) */
    fcntl(in[1], F_SETFL, O_NONBLOCK);
    m.stdin_fd = in[1];
    return m.init_pid < 0 ? -1 : 0;
}

/* the master in the container's own devpts: the process's terminal is /dev/pts/<n> inside */
static int open_terminal(void)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/root/dev/pts/ptmx", m.init_pid);
    int unlock = 0;
    m.tty_fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m.tty_fd < 0)
        return fail_sys("open terminal", path);
    if (ioctl(m.tty_fd, TIOCSPTLCK, &unlock) < 0 || ioctl(m.tty_fd, TIOCGPTN, &m.pts) < 0)
        return fail_sys("unlock terminal", path);
    if (m.spec->stdin_open)
        m.stdin_fd = m.tty_fd;
    return 0;
}

/*
 * While the init mounts its root, the monitor makes the cgroups and its control socket (two
 * cores do both at once); "cgroup" lets the init join them, before its pivot_root.
 */
static int make_cgroups_and_socket(const struct spec *spec)
{
    if (cgroup_create(spec) < 0 || (m.listen_fd = control_listen(SOCKET_NAME)) < 0)
        return -1;
    /* a failed write means the init ended already: its sync pipe tells why */
    ssize_t written = write(m.start_fd, "cgroup\n", 7);
    (void)written;
    return 0;
}

/* from "bundle" to "ready": the init prepares its root, joins its cgroup and waits for "start" */
static int create_container(const char *bundle, struct spec *spec)
{
    if (m.init_pid < 0)
        return -1;
    if (!spec->stdin_open || spec->terminal) {
        close(m.stdin_fd);
        m.stdin_fd = -1;
    }
    if (dprintf(m.start_fd, "bundle %s\n", bundle) < 0)
        return fail_sys("hand the bundle to", "init");
    if (make_cgroups_and_socket(spec) < 0)
        return -1;
    char line[600];
    read_line(m.sync_fd, line, sizeof line);
    if (strcmp(line, "ready") == 0)
        return spec->terminal ? open_terminal() : 0;
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

/* the init's last line, "exit <code> <signal>", written just before it ends; 0 without one */
static int read_exit_line(struct exit_status *e)
{
    char line[64];
    fcntl(m.sync_fd, F_SETFL, O_NONBLOCK);
    return read_line(m.sync_fd, line, sizeof line) > 0 && sscanf(line, "exit %d %d", &e->code, &e->signal) == 2;
}

/* what waitpid says when the init itself was killed before it could report */
static struct exit_status exit_status_of(int wait_status)
{
    struct exit_status e = { 0, 0, 0 };
    if (read_exit_line(&e))
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
    struct log_stream *streams[] = { &m.out, &m.err, &m.tty };
    for (int round = 0; round < 200 && (m.out.fd >= 0 || m.err.fd >= 0 || m.tty.fd >= 0); round++) {
        struct pollfd fds[3];
        for (int i = 0; i < 3; i++)
            fds[i] = (struct pollfd){ streams[i]->fd, POLLIN, 0 };
        if (poll(fds, 3, 10) <= 0)
            continue;
        for (int i = 0; i < 3; i++)
            if (streams[i]->fd >= 0 && fds[i].revents)
                log_stream_drain(streams[i], &m.log);
    }
    for (int i = 0; i < 3; i++)
        log_stream_flush(streams[i], &m.log);
}

/*
 * The news: every client, then the exit file. The processes of the container have ended or are
 * being killed by the kernel as the init's PID namespace goes, so the pipes reach EOF. The file
 * is for an engine that was down and asks later; one told here deletes the bundle only after
 * "reaped", so the file's create and rename (journal work, ~1 ms under load) are off its path.
 */
static void announce(struct exit_status *e)
{
    drain_logs();
    e->oom = cgroup_oom_killed(m.spec);
    unlink(SOCKET_NAME);
    control_broadcast_exit(&m, e);
    char text[64];
    snprintf(text, sizeof text, "%d %d %d\n", e->code, e->signal, e->oom);
    write_file_atomic("exit", text);
}

/*
 * The init reported its process's exit as its last act. The kernel's teardown of the init's
 * namespaces (its ~25 mounts, the network namespace) takes milliseconds more, so the exit is
 * announced first and the cgroups go once the init is reaped: an engine told of the exit records
 * it and answers its waiters; it deletes the bundle once told "reaped", while the cgroups go,
 * and its deletion is over at "done".
 */
static void finish_reported(struct exit_status *e)
{
    announce(e);
    while (waitpid(m.init_pid, NULL, 0) < 0 && errno == EINTR)
        ;
    control_broadcast_reaped(&m);
    cgroup_remove(m.spec);
    control_broadcast_done(&m);
}

/* the init was reaped first: it was killed, or its report is still in the pipe */
static void finish_reaped(int wait_status)
{
    struct exit_status e = exit_status_of(wait_status);
    announce(&e);
    control_broadcast_reaped(&m);
    cgroup_remove(m.spec);
    control_broadcast_done(&m);
}

/* how long a line without its newline waits for the rest before it is logged as it is */
#define PARTIAL_LINE_MS 15

enum { FD_LISTEN, FD_SIGNAL, FD_SYNC, FD_OUT, FD_ERR, FD_TTY, FD_STDIN, FD_CLIENTS };

static int poll_once(struct pollfd *fds)
{
    fds[FD_LISTEN] = (struct pollfd){ m.listen_fd, POLLIN, 0 };
    fds[FD_SIGNAL] = (struct pollfd){ m.signal_fd, POLLIN, 0 };
    /* the init's "exit" line; not once it hung up without one (then SIGCHLD tells) */
    fds[FD_SYNC] = (struct pollfd){ m.sync_fd, POLLIN, 0 };
    fds[FD_OUT] = (struct pollfd){ m.out.fd, POLLIN, 0 };
    fds[FD_ERR] = (struct pollfd){ m.err.fd, POLLIN, 0 };
    fds[FD_TTY] = (struct pollfd){ m.tty.fd, POLLIN, 0 };
    fds[FD_STDIN] = (struct pollfd){ stdin_wants_output(&m) ? m.stdin_fd : -1, POLLOUT, 0 };
    for (int i = 0; i < MAX_CLIENTS; i++) {
        struct client *c = &m.clients[i];
        /* the stdin client is read only while its bytes have room: that is the back-pressure */
        int fd = c->is_stdin && !stdin_wants_input(&m) ? -1 : c->fd;
        fds[FD_CLIENTS + i] = (struct pollfd){ fd, POLLIN, 0 };
    }
    /* a partial line (a shell's prompt) is written out once the stream has been quiet a moment */
    int pending = m.out.len > 0 || m.err.len > 0 || m.tty.len > 0;
    return poll(fds, FD_CLIENTS + MAX_CLIENTS, pending ? PARTIAL_LINE_MS : -1);
}

static int reap_init(void)
{
    struct signalfd_siginfo info;
    while (read(m.signal_fd, &info, sizeof info) == sizeof info)
        ;
    int status;
    if (waitpid(m.init_pid, &status, WNOHANG) != m.init_pid)
        return 0;
    finish_reaped(status);
    return 1;
}

/* the init wrote to its sync pipe, or closed it: its report ends the serving */
static int read_report(void)
{
    struct exit_status e = { 0, 0, 0 };
    if (read_exit_line(&e)) {
        finish_reported(&e);
        return 1;
    }
    /* the init hung up without a report: it was killed, and SIGCHLD follows */
    close(m.sync_fd);
    m.sync_fd = -1;
    return 0;
}

static void serve(void)
{
    struct pollfd fds[FD_CLIENTS + MAX_CLIENTS];
    for (;;) {
        int ready = poll_once(fds);
        if (ready < 0)
            continue;
        if (ready == 0) {
            log_stream_flush_partial(&m.out, &m.log);
            log_stream_flush_partial(&m.err, &m.log);
            log_stream_flush_partial(&m.tty, &m.log);
            continue;
        }
        if (fds[FD_LISTEN].revents)
            control_accept(&m);
        struct log_stream *streams[] = { &m.out, &m.err, &m.tty };
        for (int i = 0; i < 3; i++)
            if (fds[FD_OUT + i].revents && streams[i]->fd >= 0)
                log_stream_drain(streams[i], &m.log);
        if (fds[FD_STDIN].revents)
            stdin_flush(&m);
        for (int i = 0; i < MAX_CLIENTS; i++) {
            struct client *c = &m.clients[i];
            if (!fds[FD_CLIENTS + i].revents || c->fd < 0)
                continue;
            if (c->is_stdin)
                stdin_read(&m);
            else
                control_read(&m, c);
        }
        if (fds[FD_SYNC].revents && m.sync_fd >= 0 && read_report())
            return;
        if (fds[FD_SIGNAL].revents && reap_init())
            return;
    }
}

/* the monitor's and the init's host pids, for an engine that restarts (MonitorPids) */
static int write_pids(void)
{
    char pids[64];
    snprintf(pids, sizeof pids, "%d %d\n", getpid(), m.init_pid);
    return write_file_atomic(PIDS_FILE, pids);
}

/*
 * The report ends the spawner's exchange; the connection then stays as the engine's first
 * client, which hears the exit on it: no second connection to watch the container.
 */
static void report_ok(int report_fd)
{
    dprintf(report_fd, "ok %d %d\n", getpid(), m.init_pid);
    m.clients[0] = (struct client){ .fd = report_fd };
}

int monitor_run(const char *bundle, struct spec *spec, int report_fd, int start_now)
{
    m.spec = spec;
    int log_ok = log_file_open(&m.log, spec) == 0;
    if (!log_ok || create_container(bundle, spec) < 0 || (start_now && control_start_init(&m) < 0)
        || write_pids() < 0) {
        abandon(spec);
        dprintf(report_fd, "error %d %s\n", shim_fault ? shim_fault : FAULT_SYSCALL, shim_error);
        close(report_fd);
        return 1;
    }
    report_ok(report_fd);
    serve();
    return 0;
}
