/*
 * log-rotation-probe <log> <max bytes> <max files> <lines>: logs <lines> numbered lines through
 * the monitor's json-file writer (logfile.c) into <log>, so LogRotationTest can check the files
 * rotation leaves behind without running a container. Exit 0, or 1 with the error on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "shim.h"

static struct log_file file;
static struct log_stream stream;

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: log-rotation-probe <log> <max bytes> <max files> <lines>\n");
        return 2;
    }
    struct spec spec;
    memset(&spec, 0, sizeof spec);
    spec.log_path = argv[1];
    spec.log_max_size = atoll(argv[2]);
    spec.log_max_files = atoi(argv[3]);
    if (log_file_open(&file, &spec) < 0) {
        fprintf(stderr, "%s\n", shim_error);
        return 1;
    }
    int lines = atoi(argv[4]);
    for (int i = 0; i < lines; i++) {
        int fds[2];
        if (pipe(fds) < 0)
            return 1;
        dprintf(fds[1], "line %d\n", i);
        close(fds[1]);
        stream.fd = fds[0];
        stream.name = "stdout";
        stream.len = 0;
        while (stream.fd >= 0)
            log_stream_drain(&stream, &file);
    }
    log_file_flush(&file);
    return 0;
}
