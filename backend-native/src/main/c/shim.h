/*
 * launcher-shim: the single-threaded helper of the native isolation backend.
 *
 * The JVM is multi-threaded, so clone/setns/pivot_root happen here (runc's nsexec reasoning).
 * Process tree of one container:
 *
 *   launcher-shim create <bundle>     (spawned by the engine; exits once the init is parked)
 *     '- monitor (setsid, detached)   (owns the log pipes, the control socket, the exit file)
 *          '- init, pid 1 in new namespaces (mounts, pivot_root, waits for "start")
 *               '- the user's process (execve)
 */
#ifndef LAUNCHER_SHIM_H
#define LAUNCHER_SHIM_H

#include <stddef.h>
#include <sys/types.h>

#define SHIM_MAX_LIST 1024

enum network_mode { NET_PRIVATE, NET_HOST, NET_JOIN };

struct rootfs_mount {
    char *type;
    char *source;
    char *options[64];
    int n_options;
};

struct bind_mount {
    char *source;
    char *destination;
    int read_only;
};

struct spec {
    char *id;
    char *hostname;
    char *log_path;
    char *cwd;
    uid_t uid;
    gid_t gid;
    gid_t groups[64];
    int n_groups;
    char *args[SHIM_MAX_LIST + 1];
    int n_args;
    char *env[SHIM_MAX_LIST + 1];
    int n_env;
    struct rootfs_mount mounts[16];
    int n_mounts;
    struct bind_mount binds[64];
    int n_binds;
    enum network_mode network;
    char *netns_path;
    int readonly_rootfs;
    long long memory_bytes;
    long long cpu_shares;
    long long nano_cpus;
    long long pids_limit;
};

/* error.c: one message for the engine, runc style ("unable to mount proc at /x: EINVAL") */
extern char shim_error[512];
enum { FAULT_SYSCALL = 1, FAULT_SPEC = 2 };
extern int shim_fault;
int fail_sys(const char *operation, const char *object);
int fail_spec(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *errno_name(int err);

/* spec.c */
int spec_read(const char *path, struct spec *spec);

/* monitor.c */
int monitor_run(const char *bundle, struct spec *spec, int report_fd);

/* init.c: the body of pid 1; never returns */
struct init_args {
    const char *bundle;
    struct spec *spec;
    int sync_fd;      /* init -> monitor: "ready\n", "error <kind> <message>\n", "exit <code> <signal>\n" */
    int start_fd;     /* monitor -> init: "start\n"; EOF means abort */
    int out_fd;       /* write end of the stdout log pipe */
    int err_fd;       /* write end of the stderr log pipe */
};
int init_main(void *arg);

/* rootfs.c: mounts the root filesystem, /proc, /sys, /dev, binds; then pivot_root */
int rootfs_prepare(const char *bundle, const struct spec *spec);

/* devices.c: the minimal /dev of a container */
int devices_populate(const char *dev_dir);

/* exec.c: runs in the forked user process; never returns */
void exec_user_process(const struct spec *spec, int out_fd, int err_fd);

/* logfile.c: Docker json-file lines */
struct log_stream {
    int fd;
    const char *name;
    char buf[16384];
    size_t len;
};
void log_stream_drain(struct log_stream *stream, int log_fd);
void log_stream_flush(struct log_stream *stream, int log_fd);

/* cgroup.c */
int cgroup_create(const struct spec *spec);
int cgroup_enter(const struct spec *spec, pid_t pid);
int cgroup_oom_killed(const struct spec *spec);
void cgroup_remove(const struct spec *spec);

/* files.c */
int write_file_atomic(const char *path, const char *content);
int write_string(const char *path, const char *content);
void close_fds_from(int lowest, const int *keep, int n_keep);

#endif
