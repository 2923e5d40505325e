/*
 * cgroup-v2-probe <dir> <memory> <cpushares> <nanocpus> <pids>: runs the shim's cgroup v2 limit
 * writes (cgroup.c) against <dir>, a folder shaped like a cgroup2 leaf, so CgroupV2LimitsTest can
 * check them on hosts without v2 controllers. Exit 0, or 1 with the shim's error line on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "shim.h"

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: cgroup-v2-probe <dir> <memory> <cpushares> <nanocpus> <pids>\n");
        return 2;
    }
    struct spec spec;
    memset(&spec, 0, sizeof spec);
    spec.memory_bytes = atoll(argv[2]);
    spec.cpu_shares = atoll(argv[3]);
    spec.nano_cpus = atoll(argv[4]);
    spec.pids_limit = atoll(argv[5]);
    if (cgroup_v2_limits(argv[1], &spec) < 0) {
        fprintf(stderr, "%s\n", shim_error);
        return 1;
    }
    return 0;
}
