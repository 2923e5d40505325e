/*
 * launcher-shim serve <dir>: the spawner. The engine starts it once and asks it for monitors over
 * <dir>/spawner.sock, one connection a container, which a spare fork of the spawner (below) takes
 * and serves as that container's monitor:
 *
 *   engine -> spawner          monitor -> engine (on the same connection)
 *   create <bundle>            ok <monitor pid> <init pid> | error <fault> <message>, then EOF
 *   run <bundle>               the same, the init told to start before the report (create
 *                              and the monitor's "start" in one exchange)
 *
 * (fault 1: a system call failed, 2: the spec is invalid, 3: a bad request). After "ok" the
 * connection is the monitor's first control client (control.c): the engine watches it for the
 * pushed "exit" line instead of connecting again. The monitor is a
 * fork of this small single-threaded process, so a container costs one fork where launching
 * `launcher-shim create` from the JVM cost a vfork, jspawnhelper's exec, the shim's exec and a
 * fork. Exec processes are asked for on <dir>/exec.sock, with their pipes passed along, and
 * taken by a spare of their own (execserve.c). The spawner ends when its stdin reaches EOF, which is when the engine closes
 * it or dies.
 * Monitors do not depend on it: each leads a session of its own and outlives it, so a killed
 * engine leaves its containers running exactly as before (live restore).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "monitor.h"

#define SPAWNER_SOCKET "spawner.sock"
#define EXEC_SOCKET "exec.sock"
#define CREATE "create "
#define RUN "run "
/* how long a new spare waits for a request before it clones its init */
#define PREPARE_DELAY_MS 10

static struct spec spec;

static void detach_stdio(void)
{
    int null_fd = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3; fd++)
        dup2(null_fd, fd);
    if (null_fd > 2)
        close(null_fd);
}

/* one line, read to its newline: the engine sends nothing else before the report */
static int read_request(int conn, char *line, size_t cap)
{
    size_t len = 0;
    while (len < cap - 1) {
        ssize_t n = read(conn, line + len, cap - 1 - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        len += (size_t)n;
        line[len] = '\0';
        char *newline = strchr(line, '\n');
        if (newline) {
            *newline = '\0';
            return 0;
        }
    }
    return -1;
}

/*
 * In the spare (or a fork for one connection), prepared already (monitor_prepare): it becomes the
 * monitor of the bundle named, reporting on conn. The spawner's descriptors it still holds go.
 */
static int become_monitor(int conn, int listen_fd, int spare_fd)
{
    close(listen_fd);
    if (spare_fd >= 0)
        close(spare_fd);
    char line[4200];
    int run = 0;
    const char *bundle = NULL;
    if (read_request(conn, line, sizeof line) == 0) {
        if (strncmp(line, CREATE, strlen(CREATE)) == 0)
            bundle = line + strlen(CREATE);
        else if (strncmp(line, RUN, strlen(RUN)) == 0)
            bundle = line + strlen(RUN), run = 1;
    }
    if (bundle == NULL) {
        dprintf(conn, "error 3 unable to read a create or run request\n");
        return 3;
    }
    char path[4300];
    snprintf(path, sizeof path, "%s/spec", bundle);
    if (spec_read(path, &spec) < 0) {
        dprintf(conn, "error %d %s\n", shim_fault, shim_error);
        return shim_fault;
    }
    if (chdir(bundle) < 0) {
        fail_sys("enter bundle", bundle);
        dprintf(conn, "error %d %s\n", FAULT_SYSCALL, shim_error);
        return 1;
    }
    char title[4300];
    snprintf(title, sizeof title, "launcher-shim monitor %s", bundle);
    title_set(title);
    return monitor_run(bundle, &spec, conn, run);
}

static int listen_here(const char *name)
{
    /* only root may ask for containers and execs: the socket is made 0600 */
    mode_t old = umask(077);
    int fd = control_listen(name);
    umask(old);
    if (fd < 0)
        fprintf(stderr, "%s\n", shim_error);
    return fd;
}

/*
 * The spare: a fork made ahead of the next request, its init already cloned and parked
 * (monitor_prepare), blocked until it takes a connection, so neither fork nor clone nor their
 * scheduling is in the next container's start. The clone waits for a quiet moment: made at once,
 * it competed with the start just taken (two cores, the kernel's namespace and rtnl locks); in a
 * burst of requests each spare clones after it takes its own. It holds the write end of a
 * pipe whose read end only the spawner holds: one byte (or EOF, if the spare dies) tells the
 * spawner to fork the next spare; POLLERR on it tells the spare that the spawner is gone.
 */
static int fork_spare(int listen_fd, int *taken)
{
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = fork();
    if (pid != 0) {
        close(pipe_fds[1]);
        if (pid < 0) {
            close(pipe_fds[0]);
            return -1;
        }
        *taken = pipe_fds[0];
        return 0;
    }
    close(pipe_fds[0]);
    title_set("launcher-shim spare");
    /* the monitor waits for its init: that child must not be reaped behind its back */
    signal(SIGCHLD, SIG_DFL);
    setsid();
    detach_stdio();
    int keep[] = { listen_fd, pipe_fds[1] };
    close_fds_from(3, keep, 2);
    int prepared = 0;
    struct pollfd fds[2] = { { listen_fd, POLLIN, 0 }, { pipe_fds[1], 0, 0 } };
    for (;;) {
        int ready = poll(fds, 2, prepared ? -1 : PREPARE_DELAY_MS);
        if (ready < 0 && errno != EINTR)
            _exit(1);
        if (ready == 0 && !prepared) {
            prepared = 1;
            monitor_prepare();
            continue;
        }
        if (ready <= 0)
            continue;
        if (fds[1].revents)
            _exit(0);
        int conn = fds[0].revents ? accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC) : -1;
        if (conn < 0)
            continue;
        ssize_t told = write(pipe_fds[1], "t", 1);
        (void)told;
        if (!prepared)
            monitor_prepare();
        _exit(become_monitor(conn, listen_fd, pipe_fds[1]));
    }
}

/* without a spare (fork failed): the spawner takes the connection and forks for it */
static void serve_directly(int listen_fd)
{
    int conn = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGCHLD, SIG_DFL);
        setsid();
        detach_stdio();
        int keep[] = { listen_fd, conn };
        close_fds_from(3, keep, 2);
        monitor_prepare();
        _exit(become_monitor(conn, listen_fd, -1));
    }
    if (pid < 0)
        dprintf(conn, "error 1 unable to fork monitor: %s\n", errno_name(errno));
    close(conn);
}

int serve_main(const char *dir)
{
    /* monitors are this process's children: the kernel reaps them */
    signal(SIGCHLD, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    if (chdir(dir) < 0) {
        fprintf(stderr, "unable to enter %s: %s\n", dir, errno_name(errno));
        return 1;
    }
    int listen_fd = listen_here(SPAWNER_SOCKET);
    int exec_fd = listen_fd < 0 ? -1 : listen_here(EXEC_SOCKET);
    if (exec_fd < 0)
        return 1;
    printf("ready\n");
    fflush(stdout);
    int taken = -1, exec_taken = -1;
    for (;;) {
        if (taken < 0)
            fork_spare(listen_fd, &taken);
        if (exec_taken < 0)
            exec_spare_fork(exec_fd, &exec_taken);
        /* with a spare, connections are its to take; without one, ours */
        struct pollfd fds[5] = { { 0, POLLIN, 0 }, { taken, POLLIN, 0 }, { taken < 0 ? listen_fd : -1, POLLIN, 0 },
                                 { exec_taken, POLLIN, 0 }, { exec_taken < 0 ? exec_fd : -1, POLLIN, 0 } };
        if (poll(fds, 5, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        char discard[64];
        if (fds[0].revents && read(0, discard, sizeof discard) <= 0)
            break;
        if (fds[1].revents) {
            close(taken);
            taken = -1;
        }
        if (fds[2].revents)
            serve_directly(listen_fd);
        if (fds[3].revents) {
            close(exec_taken);
            exec_taken = -1;
        }
        if (fds[4].revents)
            exec_serve_directly(exec_fd);
    }
    /* the spares see their pipes' reader gone and end; monitors and execs are not touched */
    unlink(SPAWNER_SOCKET);
    unlink(EXEC_SOCKET);
    return 0;
}
