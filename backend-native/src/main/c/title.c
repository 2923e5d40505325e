/*
 * The container's pid 1 is a copy of the monitor, whose argv names the host's state root
 * ("/var/lib/launcher/.../launcher-shim serve /var/lib/launcher/...") and whose environment is
 * the engine's. Inside the container neither may show: the init renames itself (comm, for ps)
 * and blanks the argv and environment area the kernel reports as /proc/1/cmdline and environ.
 * The monitor, on the host, is titled "launcher-shim monitor <bundle>" the same way.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include "shim.h"

static char *area_start;
static size_t area_len;

/* argv strings and then environ strings lie back to back at the top of the stack */
void title_init(int argc, char **argv, char **envp)
{
    area_start = argv[0];
    char *end = argv[argc - 1] + strlen(argv[argc - 1]) + 1;
    for (int i = 0; envp[i] != NULL; i++)
        if (envp[i] == end)
            end = envp[i] + strlen(envp[i]) + 1;
    area_len = (size_t)(end - area_start);
}

/* the first word of name is also the process's comm (what top and ps -o comm show) */
void title_set(const char *name)
{
    char comm[16];
    snprintf(comm, sizeof comm, "%.*s", (int)strcspn(name, " "), name);
    prctl(PR_SET_NAME, comm, 0, 0, 0);
    if (area_start == NULL || area_len == 0)
        return;
    memset(area_start, 0, area_len);
    strncpy(area_start, name, area_len - 1);
}
