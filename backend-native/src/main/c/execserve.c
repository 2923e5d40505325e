/*
 * The spawner's exec requests (serve.c listens on <dir>/exec.sock): one connection an exec, which
 * the engine opens, writes one message on and closes:
 *
 *   exec <id> <bundle>\n     with SCM_RIGHTS: stdin (read end), stdout, stderr (write ends),
 *                            status (write end of a pipe the engine reads)
 *
 * and on status the engine reads "ok <pid>" (the relay, the exec's helper: join.c) then
 * "exit <code>" (128+N after signal N), or "error <fault> <message>"; a status pipe that closes
 * without an exit means the relay was killed (SIGKILL: nothing else ends it unannounced). The
 * spec is <bundle>/exec/<id>.spec.
 *
 * The connection is taken by an exec spare: a fork of the spawner made ahead and blocked in
 * accept, which becomes the relay itself, so no fork is in an exec's way but the relay's own
 * (a PID namespace applies to children only) and the spawner is not even woken before the relay
 * runs; it forks the next spare when the spare tells it, on a pipe, that it took one (or died).
 * Nothing here involves the container's monitor, so a container adopted by a restarted engine
 * takes execs like any other.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include "monitor.h"

#define EXEC_FDS 4
#define REQUEST_TIMEOUT_SECONDS 10

/* the request line and its descriptors, which ride on its first byte; -1: none or malformed */
static int read_request(int conn, char *line, size_t cap, int fds[EXEC_FDS])
{
    size_t len = 0;
    int n_fds = 0;
    while (len < cap - 1) {
        union { char buf[CMSG_SPACE(sizeof(int) * EXEC_FDS)]; struct cmsghdr align; } control;
        struct iovec iov = { line + len, cap - 1 - len };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                              .msg_control = control.buf, .msg_controllen = sizeof control.buf };
        ssize_t n = recvmsg(conn, &msg, MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            for (int i = 0; i < count && n_fds < EXEC_FDS; i++)
                memcpy(&fds[n_fds++], CMSG_DATA(c) + i * sizeof(int), sizeof(int));
        }
        len += (size_t)n;
        line[len] = '\0';
        char *newline = strchr(line, '\n');
        if (newline) {
            *newline = '\0';
            return n_fds == EXEC_FDS ? 0 : -1;
        }
    }
    return -1;
}

/* a process of its own taking one connection: it becomes the exec's relay and reports on status */
static void __attribute__((noreturn)) become_relay(int conn)
{
    struct timeval timeout = { REQUEST_TIMEOUT_SECONDS, 0 };
    setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char line[4400];
    int fds[EXEC_FDS] = { -1, -1, -1, -1 };
    int valid = read_request(conn, line, sizeof line, fds);
    char *id = valid == 0 && strncmp(line, "exec ", 5) == 0 ? line + 5 : NULL;
    char *bundle = id ? strchr(id, ' ') : NULL;
    if (bundle == NULL) {
        if (fds[3] >= 0)
            dprintf(fds[3], "error 3 unable to read an exec request\n");
        _exit(3);
    }
    *bundle++ = '\0';
    int status_fd = fds[3];
    /* at once: the engine waits for it, and the rest of the set-up is the relay's own */
    dprintf(status_fd, "ok %d\n", getpid());
    for (int fd = 0; fd < 3; fd++)
        dup2(fds[fd], fd);
    int keep[] = { status_fd };
    close_fds_from(3, keep, 1);
    char spec_path[4400], title[4400];
    snprintf(spec_path, sizeof spec_path, "%s/exec/%s.spec", bundle, id);
    snprintf(title, sizeof title, "launcher-shim exec %s", spec_path);
    title_set(title);
    int code = exec_main(bundle, spec_path);
    fflush(NULL);
    dprintf(status_fd, "exit %d\n", code);
    _exit(code);
}

/* a fresh process: the relay's child is its to reap, and the engine's terminal is not its own */
static void detach(void)
{
    signal(SIGCHLD, SIG_DFL);
    setsid();
    int null_fd = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3 && null_fd >= 0; fd++)
        dup2(null_fd, fd);
    if (null_fd > 2)
        close(null_fd);
}

static void __attribute__((noreturn)) spare(int listen_fd, int told_fd)
{
    title_set("launcher-shim exec-spare");
    detach();
    int keep[] = { listen_fd, told_fd };
    close_fds_from(3, keep, 2);
    struct pollfd fds[2] = { { listen_fd, POLLIN, 0 }, { told_fd, 0, 0 } };
    for (;;) {
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            _exit(1);
        /* POLLERR: the spawner, the pipe's only reader, is gone */
        if (fds[1].revents)
            _exit(0);
        /* the socket does not block: a connection another process took leaves EAGAIN */
        int conn = fds[0].revents ? accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC) : -1;
        if (conn < 0)
            continue;
        ssize_t told = write(told_fd, "t", 1);
        (void)told;
        close(listen_fd);
        close(told_fd);
        become_relay(conn);
    }
}

int exec_spare_fork(int exec_listen_fd, int *taken)
{
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(pipe_fds[0]);
        spare(exec_listen_fd, pipe_fds[1]);
    }
    close(pipe_fds[1]);
    if (pid < 0) {
        close(pipe_fds[0]);
        return -1;
    }
    *taken = pipe_fds[0];
    return 0;
}

void exec_serve_directly(int exec_listen_fd)
{
    int conn = accept4(exec_listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        detach();
        int keep[] = { conn };
        close_fds_from(3, keep, 1);
        become_relay(conn);
    }
    /* a failed fork: the engine sees the connection and its status pipe close without a report */
    close(conn);
}
