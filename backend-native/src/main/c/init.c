/*
 * The container's init: pid 1 of the new PID namespace. It prepares namespaces and the root,
 * parks until the monitor says "start", forks the user's process, then reaps every zombie and
 * forwards signals until the user's process ends, and exits with its status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "shim.h"

static int loopback_up(void)
{
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        return fail_sys("open socket for", "lo");
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, IFNAMSIZ, "lo");
    int rc = ioctl(sock, SIOCGIFFLAGS, &ifr);
    if (rc == 0) {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        rc = ioctl(sock, SIOCSIFFLAGS, &ifr);
    }
    if (rc < 0)
        fail_sys("bring up", "lo");
    close(sock);
    return rc;
}

/* the init was cloned into a network namespace of its own: kept, or left for the host's or another */
static int enter_network(const struct spec *spec, int host_net_fd)
{
    if (spec->network == NET_PRIVATE)
        return loopback_up();
    if (spec->network == NET_HOST)
        return setns(host_net_fd, CLONE_NEWNET) < 0 ? fail_sys("join network namespace", "of the host") : 0;
    int fd = open(spec->netns_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_sys("open network namespace", spec->netns_path);
    int rc = setns(fd, CLONE_NEWNET);
    if (rc < 0)
        fail_sys("join network namespace", spec->netns_path);
    close(fd);
    return rc;
}

static int prepare(const char *bundle, const struct spec *spec, int host_net_fd)
{
    if (enter_network(spec, host_net_fd) < 0)
        return -1;
    const char *hostname = spec->hostname ? spec->hostname : "";
    if (*hostname && sethostname(hostname, strlen(hostname)) < 0)
        return fail_sys("set hostname", hostname);
    return rootfs_prepare(bundle, spec);
}

/* reads one line byte by byte so that it never eats the next message */
static int read_message(int fd, char *line, size_t cap)
{
    size_t len = 0;
    while (len < cap - 1) {
        ssize_t n = read(fd, line + len, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        if (line[len] == '\n')
            break;
        len++;
    }
    line[len] = '\0';
    return 0;
}

/* "start" or "start <n>": the monitor holds the master of /dev/pts/<n> */
static int wait_for_start(int fd, int *pts)
{
    char line[32];
    *pts = -1;
    if (read_message(fd, line, sizeof line) < 0)
        return -1;
    if (strcmp(line, "start") == 0)
        return 0;
    return sscanf(line, "start %d", pts) == 1 ? 0 : -1;
}

/* "bundle <path>": the container this parked init is for; EOF: the spare ended unused */
static int await_bundle(int fd, char *bundle, size_t cap)
{
    char line[4200];
    if (read_message(fd, line, sizeof line) < 0 || strncmp(line, "bundle ", 7) != 0)
        return -1;
    snprintf(bundle, cap, "%s", line + 7);
    return 0;
}

/* "cgroup": the monitor made the container's cgroups; EOF: it gave up (and kills us) */
static int await_cgroup(int fd)
{
    char line[32];
    if (read_message(fd, line, sizeof line) < 0)
        return -1;
    return strcmp(line, "cgroup") == 0 ? 0 : -1;
}

/* the slave, opened in the child after setsid so that it becomes the controlling terminal */
static int open_terminal(int pts)
{
    char path[32];
    snprintf(path, sizeof path, "/dev/pts/%d", pts);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        dprintf(2, "unable to open terminal %s: %s\n", path, errno_name(errno));
        _exit(126);
    }
    return fd;
}

/* every catchable signal is blocked and read from a signalfd, so pid 1 cannot miss one */
static int block_signals(void)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    return signalfd(-1, &all, SFD_CLOEXEC);
}

static void supervise(pid_t child, int sig_fd, int sync_fd)
{
    int code = 0, signal_no = 0;
    for (;;) {
        struct signalfd_siginfo info;
        ssize_t n = read(sig_fd, &info, sizeof info);
        if (n != sizeof info)
            continue;
        if (info.ssi_signo != SIGCHLD) {
            kill(child, (int)info.ssi_signo);
            continue;
        }
        int status, done = 0;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            if (pid != child)
                continue;
            done = 1;
            if (WIFSIGNALED(status)) {
                signal_no = WTERMSIG(status);
                code = 128 + signal_no;
            } else {
                code = WEXITSTATUS(status);
            }
        }
        if (done)
            break;
    }
    dprintf(sync_fd, "exit %d %d\n", code, signal_no);
    _exit(code);
}

static struct spec spec;
static char bundle[4200];

/* the spec of the bundle named, and the stdin pipe closed unless the process reads it */
static int read_spec(struct init_args *a)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/spec", bundle);
    if (spec_read(path, &spec) < 0)
        return -1;
    if (!spec.stdin_open || spec.terminal) {
        close(a->in_fd);
        a->in_fd = -1;
    }
    return 0;
}

int init_main(void *arg)
{
    struct init_args *a = arg;
    int keep[] = { a->sync_fd, a->start_fd, a->out_fd, a->err_fd, a->in_fd, a->host_net_fd };
    /* without its monitor nobody would collect the exit status: die with it */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close_fds_from(3, keep, 6);
    if (await_bundle(a->start_fd, bundle, sizeof bundle) < 0)
        _exit(1);
    /* the mounts run while the monitor makes the cgroups; they are joined before pivot_root,
     * while the host's /sys/fs/cgroup is still where we look, and before anything of the image
     * runs; the cgroup becomes the root of the cgroup namespace */
    int rc = read_spec(a);
    if (rc == 0)
        rc = prepare(bundle, &spec, a->host_net_fd);
    close(a->host_net_fd);
    if (rc == 0 && await_cgroup(a->start_fd) < 0)
        _exit(1);
    if (rc == 0)
        rc = cgroup_join(&spec);
    if (rc == 0)
        rc = rootfs_enter(bundle);
    if (rc == 0 && unshare(CLONE_NEWCGROUP) < 0)
        rc = fail_sys("create", "cgroup namespace");
    /* inside the namespace, so that each cgroup mount's root is the container's own cgroup */
    if (rc == 0)
        rc = cgroupfs_mount(&spec);
    if (rc < 0) {
        dprintf(a->sync_fd, "error %d %s\n", shim_fault, shim_error);
        _exit(1);
    }
    /* the bundle path (argv) is not needed past pivot_root; the init keeps no more than the set */
    title_set("launcher-init");
    if (caps_drop_bounding(spec.caps) < 0
        || (spec.no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)) {
        dprintf(a->sync_fd, "error %d %s\n", FAULT_SYSCALL, shim_fault ? shim_error : "unable to set no_new_privs");
        _exit(1);
    }
    dprintf(a->sync_fd, "ready\n");
    int pts;
    if (wait_for_start(a->start_fd, &pts) < 0)
        _exit(1);
    close(a->start_fd);
    int sig_fd = block_signals();
    pid_t child = fork();
    if (child == 0) {
        close(sig_fd);
        close(a->sync_fd);
        setsid();
        struct process_io io = { a->in_fd, a->out_fd, a->err_fd, pts >= 0 ? open_terminal(pts) : -1 };
        exec_user_process(&spec, &io);
    }
    close(a->out_fd);
    close(a->err_fd);
    if (a->in_fd >= 0)
        close(a->in_fd);
    if (child < 0) {
        dprintf(a->sync_fd, "exit 126 0\n");
        _exit(126);
    }
    supervise(child, sig_fd, a->sync_fd);
    return 0;
}
