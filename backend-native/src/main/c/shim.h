/*
 * launcher-shim: the single-threaded helper of the native isolation backend.
 *
 * The JVM is multi-threaded, so clone/setns/pivot_root happen here (runc's nsexec reasoning).
 * Process tree of one container:
 *
 *   launcher-shim serve <dir>         (the spawner: started once by the engine, see serve.c)
 *     '- monitor (a fork; setsid)     (owns the log pipes, the control socket, the exit file)
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

#define SHIM_MAX_DEVICES 256
/* the given rules and, ahead of them, Docker's (12 today) */
#define SHIM_MAX_DEVICE_RULES (SHIM_MAX_DEVICES + 32)

/* a --device node: made at path in the container's root (devnodes.c) */
struct device_node {
    char *path;
    char type;                /* 'c' or 'b' */
    unsigned int major, minor;
    unsigned int mode;        /* permission bits */
    uid_t uid;
    gid_t gid;
};

/* a devices cgroup allow rule, Docker's or a given one: "c 1:3 rwm"; -1 is '*' */
struct device_rule {
    char type;                /* 'a', 'c' or 'b' */
    long long major, minor;
    char access[4];
};

struct spec {
    char *id;
    char *hostname;
    char *log_path;
    long long log_max_size;   /* rotate the log before it passes this; 0: never */
    int log_max_files;        /* files kept, the live one included */
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
    int terminal;
    int stdin_open;
    unsigned long long caps;  /* bit n: capability n is kept */
    int seccomp_unconfined;   /* no seccomp filter (--security-opt seccomp=unconfined) */
    const char *seccomp_program; /* the filter compiled by the Java side, hex (filter.c); NULL: unconfined */
    int privileged;           /* --privileged: /proc unmasked, /sys rw, the host's devices; an exec: every capability */
    int no_new_privs;         /* set no_new_privs (absent from the spec: 1) */
    struct device_node devices[SHIM_MAX_DEVICES];
    int n_devices;
    struct device_rule device_rules[SHIM_MAX_DEVICE_RULES]; /* over a default deny, in order */
    int n_device_rules;
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
int spec_read_process(const char *path, struct spec *spec);

/* caps.c */
int caps_add(unsigned long long *set, const char *name);
int caps_drop_bounding(unsigned long long keep);
int caps_set(unsigned long long keep);
unsigned long long caps_all(void);

/* serve.c: the engine's spawner of monitors and exec processes */
int serve_main(const char *dir);
/* execserve.c: exec requests on <dir>/exec.sock; the spare that takes the next (its pipe's read
 * end in *taken: readable once it took one or died), or without one a fork for one connection */
int exec_spare_fork(int exec_listen_fd, int *taken);
void exec_serve_directly(int exec_listen_fd);

/* filter.c: the seccomp program (Docker's default profile or a custom one), compiled by the Java side */
int seccomp_program_valid(const char *hex);
int seccomp_install_program(const char *hex);

/* monitor.c: prepare (the pipes, the init cloned and parked) runs before the request is known */
int monitor_prepare(void);
/* start_now: the init runs the process at once, as a "start" request would */
int monitor_run(const char *bundle, struct spec *spec, int report_fd, int start_now);

/* init.c: the body of pid 1; never returns. Cloned ahead of its container (monitor_prepare), it
 * reads "bundle <path>" on start_fd and then the spec in that bundle. */
struct init_args {
    int sync_fd;      /* init -> monitor: "ready\n", "error <kind> <message>\n", "exit <code> <signal>\n" */
    int start_fd;     /* monitor -> init: "bundle <path>\n", "cgroup\n" once its cgroups exist, then
                         "start\n" or "start <pts>\n"; EOF means abort */
    int in_fd;        /* read end of the stdin pipe (closed when the process has no stdin pipe) */
    int out_fd;       /* write end of the stdout log pipe */
    int err_fd;       /* write end of the stderr log pipe */
    int host_net_fd;  /* the host's network namespace, for --network host */
};
int init_main(void *arg);

/* rootfs.c: mounts the root filesystem, /proc, /sys, /dev, binds (prepare); then pivot_root (enter) */
int rootfs_prepare(const char *bundle, const struct spec *spec);
int rootfs_enter(const char *bundle);

/* inroot.c: a path inside the rootfs opened (O_PATH) without leaving it; create makes what is missing */
int inroot_open(int root_fd, const char *path, int create, int as_dir);
void inroot_fd_path(int fd, char *out, size_t cap);

/* cgroupfs.c: /sys/fs/cgroup as Docker shows it; the init calls it inside its cgroup namespace */
int cgroupfs_mount(const struct spec *spec);

/* masks.c: Docker's masked and read-only /proc and /sys paths under root */
int masks_apply(const char *root);

/* devices.c: the minimal /dev of a container; privileged: with the host's device nodes (hostdev.c) */
int devices_populate(const char *dev_dir, int privileged);
int host_devices_copy(const char *dev_dir);

/* devnodes.c: the spec's --device nodes, made inside the root (parents too), replacing what is there */
int devnodes_make(const char *root, const struct spec *spec);

/* exec.c: runs in the forked user process; never returns */
struct process_io {
    int in_fd;   /* stdin, or -1 for /dev/null */
    int out_fd;
    int err_fd;
    int tty_fd;  /* the terminal's slave: all of stdio and the controlling terminal; or -1 */
};
void exec_user_process(const struct spec *spec, const struct process_io *io);

/* logrecord.c: one Docker json-file line; out has room for LOG_RECORD_MAX(n) bytes */
#define LOG_RECORD_MAX(n) (6 * (n) + 128)
size_t log_record_encode(char *out, const char *stream, const char *data, size_t n);

/* logfile.c: the json-file log, written in batches and rotated */
struct log_stream {
    int fd;
    const char *name;
    char buf[65536];
    size_t len;
};
struct log_file {
    int fd;
    const char *path;
    long long size;       /* bytes in the live file */
    long long max_size;   /* 0: never rotated */
    int max_files;
    char buf[LOG_RECORD_MAX(65536) + (1 << 20)];
    size_t len;
};
int log_file_open(struct log_file *file, const struct spec *spec);
void log_file_flush(struct log_file *file);
void log_stream_drain(struct log_stream *stream, struct log_file *file);
void log_stream_flush(struct log_stream *stream, struct log_file *file);
void log_stream_flush_partial(struct log_stream *stream, struct log_file *file);

/* cgroup.c */
int cgroup_create(const struct spec *spec);
int cgroup_join(const struct spec *spec);
int cgroup_oom_killed(const struct spec *spec);
void cgroup_remove(const struct spec *spec);
/* the v2 limit files of one cgroup folder: memory.max, memory.swap.max, pids.max, cpu.weight, cpu.max */
int cgroup_v2_limits(const char *dir, const struct spec *spec);
/* the v2 devices cgroup: the spec's rules (or every device) as a BPF device filter attached to dir */
int cgroup_v2_devices(const char *dir, const struct spec *spec);

/* devfilter.c: allow rules over a default deny, compiled to a BPF_PROG_TYPE_CGROUP_DEVICE program */
int devfilter_attach(const char *dir, const struct device_rule *rules, int n_rules);

/* join.c: an exec process's relay, forked by the spawner (execserve.c); relay.c: its signal forwarding and terminal relay */
int exec_main(const char *bundle, const char *spec_path);
int exec_relay(int master, pid_t child, int sig_fd, int stdin_open);
int pty_size_file(const char *size_file);
void pty_apply_size(int master);

/* title.c: what ps shows for the init */
void title_init(int argc, char **argv, char **envp);
void title_set(const char *name);

/* files.c */
int write_file_atomic(const char *path, const char *content);
int write_string(const char *path, const char *content);
void close_fds_from(int lowest, const int *keep, int n_keep);

#endif
