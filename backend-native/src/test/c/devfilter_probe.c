/*
 * devfilter-probe <cgroup2 dir> privileged|<rule>...: attaches the shim's v2 device filter
 * (cgroup_v2_devices: each rule "c 10 229 r", '*' for any number, in order, as a spec's
 * devicerule records; Docker's are among them only when given, as the Java side gives them) to a
 * cgroup2 folder, then a child joins it and opens /dev/null read-write, /dev/fuse for reading
 * and for writing, and /dev/loop-control for reading, printing "<path> <mode> ok|<errno name>"
 * for each. DevFilterTest runs it on the host's cgroup2 mount, hybrid or not.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "shim.h"

static struct spec spec;

static void try_open(const char *path, int flags, const char *mode)
{
    int fd = open(path, flags | O_CLOEXEC);
    printf("%s %s %s\n", path, mode, fd >= 0 ? "ok" : errno_name(errno));
    if (fd >= 0)
        close(fd);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: devfilter-probe <dir> privileged|<type> <major> <minor> <access>...\n");
        return 2;
    }
    spec.privileged = argc == 3 && strcmp(argv[2], "privileged") == 0;
    for (int i = 2; !spec.privileged && i + 3 < argc; i += 4) {
        struct device_rule *r = &spec.device_rules[spec.n_device_rules++];
        r->type = argv[i][0];
        r->major = strcmp(argv[i + 1], "*") == 0 ? -1 : atoll(argv[i + 1]);
        r->minor = strcmp(argv[i + 2], "*") == 0 ? -1 : atoll(argv[i + 2]);
        snprintf(r->access, sizeof r->access, "%s", argv[i + 3]);
    }
    if (cgroup_v2_devices(argv[1], &spec) < 0) {
        fprintf(stderr, "%s\n", shim_error);
        return 1;
    }
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        char procs[4096];
        snprintf(procs, sizeof procs, "%s/cgroup.procs", argv[1]);
        if (write_string(procs, "0") < 0) {
            fprintf(stderr, "%s\n", shim_error);
            _exit(1);
        }
        try_open("/dev/null", O_RDWR, "rw");
        try_open("/dev/fuse", O_RDONLY, "r");
        try_open("/dev/fuse", O_WRONLY, "w");
        try_open("/dev/loop-control", O_RDONLY, "r");
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
