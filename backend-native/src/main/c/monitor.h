/* The monitor's state, shared by its main loop (monitor.c) and its control socket (control.c). */
#ifndef LAUNCHER_MONITOR_H
#define LAUNCHER_MONITOR_H

#include <stdarg.h>
#include "shim.h"

#define MAX_CLIENTS 32

struct client {
    int fd;
    int is_stdin;   /* said "stdin": everything after that line is the process's input */
    char buf[256];
    size_t len;
};

#define STDIN_BUFFER 4096

struct exit_status {
    int code;
    int signal;
    int oom;
};

struct monitor {
    const struct spec *spec;
    pid_t init_pid;
    int started;
    int start_fd;   /* write end: "start" */
    int sync_fd;    /* read end: "ready" / "error ..." / "exit ..." from the init */
    int listen_fd;
    int signal_fd;
    struct log_file log;
    struct log_stream out;
    struct log_stream err;
    struct log_stream tty;   /* a dup of the terminal's master, read once started; logged as stdout */
    int tty_fd;              /* the terminal's master (input, resize), or -1 */
    int pts;                 /* its number in the container's devpts */
    int stdin_fd;            /* where input goes: the stdin pipe's write end or tty_fd; -1 once closed */
    struct client *stdin_client;
    char stdin_buf[STDIN_BUFFER];
    size_t stdin_len;
    int stdin_eof;           /* the writer hung up: close the input once the buffer is out */
    struct client clients[MAX_CLIENTS];
};

int control_listen(const char *name);
int control_start_init(struct monitor *m);
void control_accept(struct monitor *m);
void control_read(struct monitor *m, struct client *c);
void control_broadcast_exit(struct monitor *m, const struct exit_status *e);
void control_broadcast_reaped(struct monitor *m);
void control_broadcast_done(struct monitor *m);
void control_drop(struct monitor *m, struct client *c);

/* stdin.c: the input relay from the stdin client to the process, with back-pressure */
void stdin_attach(struct monitor *m, struct client *c, const char *pending, size_t len);
void stdin_read(struct monitor *m);
void stdin_flush(struct monitor *m);
int stdin_wants_input(const struct monitor *m);
int stdin_wants_output(const struct monitor *m);

#endif
