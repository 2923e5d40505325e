/*
 * The spawner's exec requests (serve.c listens on <dir>/exec.sock): one connection an exec, which
 * the engine opens, writes one message on and closes:
 *
 *   exec <id> <bundle>\n     with SCM_RIGHTS: stdin (read end), stdout, stderr (write ends),
 *                            status (write end of a pipe the engine reads)
 *
 * and on status the engine reads "ok <pid>" (the relay, the exec's helper: join.c) then
 * "exit <code>" (128+N after signal N), or "error <fault> <message>". The spec is
 * <bundle>/exec/<id>.spec. The spawner forks a waiter for the connection at once, so a slow or
 * broken client never stalls the spawner; the waiter reads the request, forks the relay (which
 * joins the container exactly as `launcher-shim exec` did when the JVM launched it) and reports.
 * An exec so costs two forks of a small process instead of the JVM's process launch and the
 * shim's exec. Nothing on the spawner's side depends on the container's monitor, so a container
 * adopted by a restarted engine takes execs like any other.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
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

static int exit_code(int status)
{
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* the relay: the exec's stdio in place, nothing else of the spawner's kept */
static void __attribute__((noreturn)) relay(const char *bundle, const char *id)
{
    char spec_path[4400], title[4400];
    snprintf(spec_path, sizeof spec_path, "%s/exec/%s.spec", bundle, id);
    snprintf(title, sizeof title, "launcher-shim exec %s", spec_path);
    title_set(title);
    fflush(NULL);
    _exit(exec_main(bundle, spec_path));
}

static void __attribute__((noreturn)) wait_for_exec(int conn)
{
    /* the relay's exit is ours to collect; the engine may be gone when it is reported */
    signal(SIGCHLD, SIG_DFL);
    setsid();
    title_set("launcher-shim exec-wait");
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
    for (int fd = 0; fd < 3; fd++)
        dup2(fds[fd], fd);
    int keep[] = { status_fd };
    close_fds_from(3, keep, 1);
    pid_t pid = fork();
    if (pid == 0) {
        close(status_fd);
        relay(bundle, id);
    }
    if (pid < 0) {
        dprintf(status_fd, "error 1 unable to fork exec: %s\n", errno_name(errno));
        _exit(1);
    }
    /* the waiter keeps no stdio: only the relay holds the exec's pipes */
    int null_fd = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3 && null_fd >= 0; fd++)
        dup2(null_fd, fd);
    if (null_fd > 2)
        close(null_fd);
    dprintf(status_fd, "ok %d\n", pid);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    dprintf(status_fd, "exit %d\n", exit_code(status));
    _exit(0);
}

void exec_serve(int exec_listen_fd)
{
    int conn = accept4(exec_listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0)
        return;
    pid_t pid = fork();
    if (pid == 0)
        wait_for_exec(conn);
    /* a failed fork: the engine sees the connection and its status pipe close without a report */
    close(conn);
}
