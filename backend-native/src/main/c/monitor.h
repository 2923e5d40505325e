/* The monitor's state, shared by its main loop (monitor.c) and its control socket (control.c). */
#ifndef LAUNCHER_MONITOR_H
#define LAUNCHER_MONITOR_H

#include <stdarg.h>
#include "shim.h"

#define MAX_CLIENTS 32

struct client {
    int fd;
    char buf[256];
    size_t len;
};

struct exit_status {
    int code;
    int signal;
    int oom;
};

struct monitor {
    const struct spec *spec;
    pid_t init_pid;
    int started;
    int start_fd;   /* write end: "go", then "start" */
    int sync_fd;    /* read end: "ready" / "error ..." / "exit ..." from the init */
    int listen_fd;
    int signal_fd;
    int log_fd;
    struct log_stream out;
    struct log_stream err;
    struct client clients[MAX_CLIENTS];
};

int control_listen(const char *name);
void control_accept(struct monitor *m);
void control_read(struct monitor *m, struct client *c);
void control_broadcast_exit(struct monitor *m, const struct exit_status *e);

#endif
