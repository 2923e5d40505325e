/*
 * The process's input: one client at a time says "stdin" on the control socket and the rest of
 * its connection is raw bytes for the process. The monitor never blocks on a process that does
 * not read: the input fd is non-blocking, one buffer is held, and the client is not read while
 * the buffer is full (back-pressure reaches the writer through the socket).
 *
 * When the writer hangs up, the input ends: a pipe is closed (the process reads EOF), a
 * terminal gets its VEOF character (^D), which a canonical-mode reader sees as end of file
 * at the start of a line, as when a user types it. A replaced writer's hang-up ends nothing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include "monitor.h"

static void end_input(struct monitor *m)
{
    m->stdin_eof = 0;
    if (m->stdin_fd < 0)
        return;
    if (m->stdin_fd != m->tty_fd) {
        close(m->stdin_fd);
        m->stdin_fd = -1;
        return;
    }
    struct termios t;
    char eof = 4;
    if (tcgetattr(m->tty_fd, &t) == 0 && t.c_cc[VEOF] != 0)
        eof = (char)t.c_cc[VEOF];
    if (write(m->tty_fd, &eof, 1) < 0)
        m->stdin_len = 0;
}

void stdin_flush(struct monitor *m)
{
    while (m->stdin_len > 0 && m->stdin_fd >= 0) {
        ssize_t n = write(m->stdin_fd, m->stdin_buf, m->stdin_len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) {
            /* the process closed its stdin: what it did not take is dropped */
            m->stdin_len = 0;
            break;
        }
        memmove(m->stdin_buf, m->stdin_buf + n, m->stdin_len - (size_t)n);
        m->stdin_len -= (size_t)n;
    }
    if (m->stdin_fd < 0)
        m->stdin_len = 0;
    if (m->stdin_len == 0 && m->stdin_eof)
        end_input(m);
}

static void take(struct monitor *m, const char *data, size_t len)
{
    if (len > sizeof m->stdin_buf - m->stdin_len)
        len = sizeof m->stdin_buf - m->stdin_len;
    memcpy(m->stdin_buf + m->stdin_len, data, len);
    m->stdin_len += len;
    stdin_flush(m);
}

void stdin_attach(struct monitor *m, struct client *c, const char *pending, size_t len)
{
    if (m->stdin_client != NULL && m->stdin_client != c)
        control_drop(m, m->stdin_client);
    m->stdin_client = c;
    c->is_stdin = 1;
    c->len = 0;
    take(m, pending, len);
}

void stdin_read(struct monitor *m)
{
    struct client *c = m->stdin_client;
    size_t room = sizeof m->stdin_buf - m->stdin_len;
    if (c == NULL || c->fd < 0 || room == 0)
        return;
    ssize_t n = recv(c->fd, m->stdin_buf + m->stdin_len, room, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        control_drop(m, c);
        m->stdin_eof = 1;
        stdin_flush(m);
        return;
    }
    m->stdin_len += (size_t)n;
    stdin_flush(m);
}

int stdin_wants_input(const struct monitor *m)
{
    return m->stdin_client != NULL && m->stdin_client->fd >= 0 && m->stdin_len < sizeof m->stdin_buf;
}

int stdin_wants_output(const struct monitor *m)
{
    return m->stdin_fd >= 0 && m->stdin_len > 0;
}
