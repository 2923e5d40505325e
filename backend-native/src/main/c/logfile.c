/*
 * The process's output into the json-file log (records: logrecord.c). A record ends at a
 * newline; a partial line is flushed when the stream's buffer fills, when the stream has been
 * quiet for a moment (a prompt must reach an attached user) and at EOF.
 *
 * Records are batched: everything one read of a pipe yields goes out in one write, so a process
 * printing millions of short lines costs a write per pipe read, not per line. Readers only parse
 * whole lines, so they never act on a half-written batch.
 *
 * Rotation, as Docker's json-file driver: before a record would take the live file past
 * max_size, the file is renamed <path>.1 (.1 to .2, ..., the oldest dropped) and a new one is
 * started, so at most max_files files exist; with one file it is truncated in place.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "shim.h"

static void write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        data += w;
        len -= (size_t)w;
    }
}

int log_file_open(struct log_file *f, const struct spec *spec)
{
    f->path = spec->log_path;
    f->max_size = spec->log_max_size;
    f->max_files = spec->log_max_files;
    f->len = 0;
    f->fd = open(f->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (f->fd < 0)
        return fail_sys("open log file", f->path);
    struct stat st;
    int plain = fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode);
    f->size = plain ? st.st_size : 0;
    /* renaming a log that is not a plain file (a spec naming /dev/null, a fifo) would move a
     * host node away and leave a regular file in its place: such a log is never rotated */
    if (!plain)
        f->max_size = 0;
    return 0;
}

static void rotated_name(char *out, size_t cap, const char *path, int generation)
{
    if (generation == 0)
        snprintf(out, cap, "%s", path);
    else
        snprintf(out, cap, "%s.%d", path, generation);
}

/* a failed rename or open leaves the live file in use: output is kept, only the bound is missed */
static void rotate(struct log_file *f)
{
    if (f->max_files <= 1) {
        if (ftruncate(f->fd, 0) == 0)
            f->size = 0;
        return;
    }
    char from[PATH_MAX], to[PATH_MAX];
    for (int generation = f->max_files - 1; generation >= 1; generation--) {
        rotated_name(from, sizeof from, f->path, generation - 1);
        rotated_name(to, sizeof to, f->path, generation);
        if (rename(from, to) < 0 && errno != ENOENT)
            return;
    }
    int fd = open(f->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0)
        return;
    dup3(fd, f->fd, O_CLOEXEC);
    close(fd);
    f->size = 0;
}

void log_file_flush(struct log_file *f)
{
    write_all(f->fd, f->buf, f->len);
    f->size += (long long)f->len;
    f->len = 0;
}

static void append_record(struct log_file *f, const char *stream, const char *data, size_t n)
{
    if (sizeof f->buf - f->len < LOG_RECORD_MAX(n))
        log_file_flush(f);
    size_t start = f->len;
    size_t length = log_record_encode(f->buf + start, stream, data, n);
    f->len += length;
    if (f->max_size <= 0 || f->max_files < 1 || f->size + (long long)f->len <= f->max_size || f->size + (long long)start == 0)
        return;
    /* the records before this one end the file; this one starts the next */
    f->len = start;
    log_file_flush(f);
    rotate(f);
    memmove(f->buf, f->buf + start, length);
    f->len = length;
}

/* reads what the pipe has; logs every complete line, and a full buffer as a partial record */
void log_stream_drain(struct log_stream *s, struct log_file *f)
{
    ssize_t n = read(s->fd, s->buf + s->len, sizeof s->buf - s->len);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        log_stream_flush(s, f);
        close(s->fd);
        s->fd = -1;
        return;
    }
    s->len += (size_t)n;
    size_t start = 0;
    for (char *nl; (nl = memchr(s->buf + start, '\n', s->len - start)) != NULL;) {
        size_t end = (size_t)(nl - s->buf) + 1;
        append_record(f, s->name, s->buf + start, end - start);
        start = end;
    }
    memmove(s->buf, s->buf + start, s->len - start);
    s->len -= start;
    if (s->len == sizeof s->buf)
        log_stream_flush(s, f);
    log_file_flush(f);
}

/* writes a pending partial line, keeping back a UTF-8 sequence whose last bytes are still to come */
void log_stream_flush_partial(struct log_stream *s, struct log_file *f)
{
    size_t keep = 0;
    for (size_t back = 1; back <= 3 && back <= s->len; back++) {
        unsigned char c = (unsigned char)s->buf[s->len - back];
        if ((c & 0xC0) == 0x80)
            continue;
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (need > back)
            keep = back;
        break;
    }
    if (s->len - keep == 0)
        return;
    append_record(f, s->name, s->buf, s->len - keep);
    log_file_flush(f);
    memmove(s->buf, s->buf + s->len - keep, keep);
    s->len = keep;
}

void log_stream_flush(struct log_stream *s, struct log_file *f)
{
    if (s->len > 0)
        append_record(f, s->name, s->buf, s->len);
    s->len = 0;
    log_file_flush(f);
}
