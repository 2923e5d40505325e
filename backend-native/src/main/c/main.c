/*
 * launcher-shim serve <dir>: the engine's spawner (serve.c); each container's monitor is a fork
 * of it, started by a "create <bundle>" request on <dir>/spawner.sock.
 * Exec processes come from the spawner too, on <dir>/exec.sock (execserve.c, join.c).
 * launcher-shim version: prints "launcher-shim 1" (the engine's probe).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include "shim.h"

int main(int argc, char **argv, char **envp)
{
    title_init(argc, argv, envp);
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        printf("launcher-shim 1\n");
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "serve") == 0)
        return serve_main(argv[2]);
    fprintf(stderr, "usage: launcher-shim serve <dir> | launcher-shim version\n");
    return 3;
}
