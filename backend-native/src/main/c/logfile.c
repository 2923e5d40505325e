/*
 * The process's output in Docker's json-file form, one object a line:
 *   {"log":"hello\n","stream":"stdout","time":"2026-11-28T11:22:33.123456789Z"}
 * A record ends at a newline; a partial line is flushed when the 16 KiB buffer fills, when the
 * stream has been quiet for a moment (a prompt must reach an attached user) and at EOF. Invalid UTF-8 becomes U+FFFD as in Go's encoder, so any JSON reader accepts the file.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "shim.h"

struct out {
    char data[16384 * 6 + 128];
    size_t len;
};

static void put(struct out *o, const char *s, size_t n)
{
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

/* length of the valid UTF-8 sequence at p, or 0 when it is not one */
static size_t utf8_length(const unsigned char *p, size_t avail)
{
    size_t need;
    unsigned int min;
    if (p[0] < 0x80) return 1;
    if ((p[0] & 0xe0) == 0xc0) { need = 2; min = 0x80; }
    else if ((p[0] & 0xf0) == 0xe0) { need = 3; min = 0x800; }
    else if ((p[0] & 0xf8) == 0xf0) { need = 4; min = 0x10000; }
    else return 0;
    if (avail < need) return 0;
    unsigned int cp = p[0] & (0x7f >> need);
    for (size_t i = 1; i < need; i++) {
        if ((p[i] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return need;
}

static void put_json_string(struct out *o, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    char esc[8];
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            esc[0] = '\\'; esc[1] = (char)c;
            put(o, esc, 2); i++;
        } else if (c == '\n') { put(o, "\\n", 2); i++; }
        else if (c == '\r') { put(o, "\\r", 2); i++; }
        else if (c == '\t') { put(o, "\\t", 2); i++; }
        else if (c < 0x20 || c == 0x7f) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put(o, esc, 6); i++;
        } else {
            size_t len = utf8_length(p + i, n - i);
            if (len == 0) { put(o, "\\ufffd", 6); i++; }
            else { put(o, (const char *)p + i, len); i += len; }
        }
    }
}

static void put_time(struct out *o)
{
    struct timespec now;
    struct tm tm;
    char text[64];
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    size_t n = strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    n += (size_t)snprintf(text + n, sizeof text - n, ".%09ldZ", now.tv_nsec);
    put(o, text, n);
}

static void write_record(const char *stream, const char *data, size_t n, int log_fd)
{
    static struct out o;
    o.len = 0;
    put(&o, "{\"log\":\"", 8);
    put_json_string(&o, data, n);
    put(&o, "\",\"stream\":\"", 12);
    put(&o, stream, strlen(stream));
    put(&o, "\",\"time\":\"", 10);
    put_time(&o);
    put(&o, "\"}\n", 3);
    /* one write per record with O_APPEND: readers never see half a line from us */
    size_t done = 0;
    while (done < o.len) {
        ssize_t w = write(log_fd, o.data + done, o.len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        done += (size_t)w;
    }
}

/* reads what the pipe has; emits every complete line, and a full buffer as a partial record */
void log_stream_drain(struct log_stream *s, int log_fd)
{
    ssize_t n = read(s->fd, s->buf + s->len, sizeof s->buf - s->len);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        log_stream_flush(s, log_fd);
        close(s->fd);
        s->fd = -1;
        return;
    }
    s->len += (size_t)n;
    size_t start = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (s->buf[i] == '\n') {
            write_record(s->name, s->buf + start, i + 1 - start, log_fd);
            start = i + 1;
        }
    }
    memmove(s->buf, s->buf + start, s->len - start);
    s->len -= start;
    if (s->len == sizeof s->buf)
        log_stream_flush(s, log_fd);
}

/* writes a pending partial line, keeping back a UTF-8 sequence whose last bytes are still to come */
void log_stream_flush_partial(struct log_stream *s, int log_fd)
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
    write_record(s->name, s->buf, s->len - keep, log_fd);
    memmove(s->buf, s->buf + s->len - keep, keep);
    s->len = keep;
}

void log_stream_flush(struct log_stream *s, int log_fd)
{
    if (s->len > 0)
        write_record(s->name, s->buf, s->len, log_fd);
    s->len = 0;
}
