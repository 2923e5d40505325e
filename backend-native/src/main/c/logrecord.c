/*
 * One line of Docker's json-file form:
 *   {"log":"hello\n","stream":"stdout","time":"2026-11-28T11:22:33.123456789Z"}
 * Invalid UTF-8 becomes U+FFFD as in Go's encoder, so any JSON reader accepts the file. The
 * date and time of day are formatted once a second: a busy process logs many lines in one.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "shim.h"

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

static int plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* at most 6 bytes out for each byte in */
static char *put_json_string(char *o, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && plain(p[run]))
            run++;
        memcpy(o, p + i, run - i);
        o += run - i;
        if ((i = run) == n)
            break;
        unsigned char c = p[i];
        if (c == '"' || c == '\\') { *o++ = '\\'; *o++ = (char)c; i++; }
        else if (c == '\n') { memcpy(o, "\\n", 2); o += 2; i++; }
        else if (c == '\r') { memcpy(o, "\\r", 2); o += 2; i++; }
        else if (c == '\t') { memcpy(o, "\\t", 2); o += 2; i++; }
        else if (c < 0x20 || c == 0x7f) { o += sprintf(o, "\\u%04x", c); i++; }
        else {
            size_t len = utf8_length(p + i, n - i);
            if (len == 0) { memcpy(o, "\\ufffd", 6); o += 6; i++; }
            else { memcpy(o, p + i, len); o += len; i += len; }
        }
    }
    return o;
}

static char *put_time(char *o)
{
    static time_t cached_second = -1;
    static char date[32];
    static size_t date_len;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec != cached_second) {
        struct tm tm;
        gmtime_r(&now.tv_sec, &tm);
        date_len = strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S.", &tm);
        cached_second = now.tv_sec;
    }
    memcpy(o, date, date_len);
    o += date_len;
    long nanos = now.tv_nsec;
    for (int i = 8; i >= 0; i--) {
        o[i] = (char)('0' + nanos % 10);
        nanos /= 10;
    }
    o[9] = 'Z';
    return o + 10;
}

size_t log_record_encode(char *out, const char *stream, const char *data, size_t n)
{
    char *o = out;
    memcpy(o, "{\"log\":\"", 8);
    o = put_json_string(o + 8, (const unsigned char *)data, n);
    memcpy(o, "\",\"stream\":\"", 12);
    o += 12;
    size_t len = strlen(stream);
    memcpy(o, stream, len);
    o += len;
    memcpy(o, "\",\"time\":\"", 10);
    o = put_time(o + 10);
    memcpy(o, "\"}\n", 3);
    return (size_t)(o + 3 - out);
}
