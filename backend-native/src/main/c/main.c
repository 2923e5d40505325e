/*
 * launcher-shim create <bundle>: reads <bundle>/spec, starts the detached monitor, and exits
 * once the container's init is parked. On success stdout gets one line "<monitor pid> <init pid>";
 * on failure stderr gets one runc-style line and the exit code says whose fault it is
 * (1 a system call failed, 2 the spec is invalid, 3 usage).
 * launcher-shim exec <bundle> <exec spec>: a process inside the running container (join.c).
 * launcher-shim version: prints "launcher-shim 1" (the engine's probe).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "shim.h"

static struct spec spec;

static void detach_stdio(void)
{
    int null_fd = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3; fd++)
        dup2(null_fd, fd);
    if (null_fd > 2)
        close(null_fd);
}

/* the first process relays the monitor's one-line report and leaves */
static int relay_report(int report_fd)
{
    char line[700];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof line - 1 && (n = read(report_fd, line + len, sizeof line - 1 - len)) > 0)
        len += (size_t)n;
    line[len] = '\0';
    char *newline = strchr(line, '\n');
    if (newline)
        *newline = '\0';
    int monitor_pid, init_pid, fault, offset = 0;
    if (sscanf(line, "ok %d %d", &monitor_pid, &init_pid) == 2) {
        printf("%d %d\n", monitor_pid, init_pid);
        return 0;
    }
    if (sscanf(line, "error %d %n", &fault, &offset) >= 1 && offset > 0) {
        fprintf(stderr, "%s\n", line + offset);
        return fault;
    }
    fprintf(stderr, "unable to start monitor: it exited without a report\n");
    return 1;
}

static int create(const char *bundle)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/spec", bundle);
    if (spec_read(path, &spec) < 0) {
        fprintf(stderr, "%s\n", shim_error);
        return shim_fault;
    }
    int report[2];
    if (pipe2(report, O_CLOEXEC) < 0 || chdir(bundle) < 0) {
        fail_sys("prepare monitor in", bundle);
        fprintf(stderr, "%s\n", shim_error);
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "unable to fork monitor: %s\n", errno_name(errno));
        return 1;
    }
    if (pid == 0) {
        close(report[0]);
        setsid();
        detach_stdio();
        close_fds_from(3, &report[1], 1);
        _exit(monitor_run(bundle, &spec, report[1]));
    }
    close(report[1]);
    return relay_report(report[0]);
}

int main(int argc, char **argv, char **envp)
{
    title_init(argc, argv, envp);
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        printf("launcher-shim 1\n");
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "create") == 0)
        return create(argv[2]);
    if (argc == 4 && strcmp(argv[1], "exec") == 0)
        return exec_main(argv[2], argv[3]);
    fprintf(stderr, "usage: launcher-shim create <bundle> | launcher-shim exec <bundle> <exec spec> | launcher-shim version\n");
    return 3;
}
