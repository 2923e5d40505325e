/*
 * The relay of an exec: a process inside a running container (docker exec). The spawner forks
 * it with the engine's pipes as stdin, stdout and stderr (execserve.c); exec processes end with
 * the container and need not outlive the engine.
 *
 * It joins the container's cgroups and every namespace of its init (/proc/<init>/ns/...), then
 * forks, because a PID namespace applies to children only. The child becomes the user's process
 * (exec.c: user, cwd, capabilities and seccomp of the bundle's spec, no_new_privs, PATH lookup;
 * 127/126).
 * This process stays outside the container's PID namespace, invisible inside, forwards
 * SIGTERM/SIGINT/SIGHUP/SIGQUIT/SIGUSR1/SIGUSR2 and returns the child's status (128+N after
 * signal N). Its own failures print one line on stderr and return 126.
 *
 * With "terminal 1" it opens a pty in the container's devpts, gives the child the slave, and
 * relays its stdin to the master (EOF types ^D) and the master to its stdout. Resize: the
 * engine writes "<rows> <cols>" to <exec spec>.winsize and sends SIGWINCH; the file is also read
 * once when the pty is made, so a size set before that is not lost.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "shim.h"

static struct spec container;
static struct spec process;

static const struct { const char *name; int flag; } NAMESPACES[] = {
    { "cgroup", CLONE_NEWCGROUP }, { "ipc", CLONE_NEWIPC }, { "uts", CLONE_NEWUTS },
    { "net", CLONE_NEWNET }, { "pid", CLONE_NEWPID }, { "mnt", CLONE_NEWNS },
};
#define N_NAMESPACES (sizeof NAMESPACES / sizeof NAMESPACES[0])

/* the relay's own failure: one line on stderr, 126 as its exit code */
static int die(void)
{
    fprintf(stderr, "%s\n", shim_error);
    return 126;
}

/* the init of <bundle>/pids, checked to be the child of its monitor (a pid may be reused) */
static pid_t init_of(const char *bundle)
{
    char path[4096], stat_line[512];
    int monitor = 0, init = 0, parent = 0;
    snprintf(path, sizeof path, "%s/pids", bundle);
    FILE *file = fopen(path, "re");
    if (file == NULL || fscanf(file, "%d %d", &monitor, &init) != 2) {
        if (file)
            fclose(file);
        errno = ENOENT;
        fail_sys("read", path);
        return -1;
    }
    fclose(file);
    snprintf(path, sizeof path, "/proc/%d/stat", init);
    file = fopen(path, "re");
    if (file != NULL && fgets(stat_line, sizeof stat_line, file) != NULL) {
        char *close_paren = strrchr(stat_line, ')');
        if (close_paren == NULL || sscanf(close_paren, ") %*c %d", &parent) != 1)
            parent = 0;
    }
    if (file)
        fclose(file);
    if (parent != monitor) {
        snprintf(shim_error, sizeof shim_error, "container %s is not running", container.id);
        return -1;
    }
    return init;
}

static int join(pid_t init)
{
    int fds[N_NAMESPACES];
    char path[64];
    for (size_t i = 0; i < N_NAMESPACES; i++) {
        snprintf(path, sizeof path, "/proc/%d/ns/%s", init, NAMESPACES[i].name);
        if ((fds[i] = open(path, O_RDONLY | O_CLOEXEC)) < 0)
            return fail_sys("open namespace", path);
    }
    /* the cgroup first, while the host's /sys/fs/cgroup is still where we look */
    if (cgroup_join(&container) < 0)
        return -1;
    for (size_t i = 0; i < N_NAMESPACES; i++) {
        snprintf(path, sizeof path, "/proc/%d/ns/%s", init, NAMESPACES[i].name);
        if (setns(fds[i], NAMESPACES[i].flag) < 0)
            return fail_sys("join namespace", path);
        close(fds[i]);
    }
    return 0;
}

/* after setns(mnt) our root is the container's: this is its devpts, /dev/pts/<n> inside */
static int open_pty(int *slave)
{
    int master = open("/dev/pts/ptmx", O_RDWR | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
    int unlock = 0;
    if (master < 0)
        return fail_sys("open terminal", "/dev/pts/ptmx");
    if (ioctl(master, TIOCSPTLCK, &unlock) < 0
        || (*slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
        return fail_sys("open terminal", "/dev/pts/ptmx");
    pty_apply_size(master);
    return master;
}

int exec_main(const char *bundle, const char *spec_path)
{
    char path[4096], size_file[4096];
    snprintf(path, sizeof path, "%s/spec", bundle);
    snprintf(size_file, sizeof size_file, "%s.winsize", spec_path);
    if (spec_read(path, &container) < 0 || spec_read_process(spec_path, &process) < 0)
        return die();
    /* exec --privileged: every capability, but the container's filter (compiled for the container's
     * capabilities) and no_new_privs, as Docker's exec */
    process.caps = process.privileged ? caps_all() : container.caps;
    process.seccomp_unconfined = container.seccomp_unconfined;
    process.no_new_privs = container.no_new_privs;
    process.seccomp_program = container.seccomp_program;
    sigset_t set;
    sigfillset(&set);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    pid_t init = init_of(bundle);
    if (sig_fd < 0 || init < 0 || pty_size_file(size_file) < 0 || join(init) < 0)
        return die();
    int slave = -1, master = -1;
    if (process.terminal && (master = open_pty(&slave)) < 0)
        return die();
    pid_t child = fork();
    if (child < 0) {
        fail_sys("fork", "exec process");
        return die();
    }
    if (child == 0) {
        /* the user's process must not outlive its relay */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        struct process_io io = { process.stdin_open ? 0 : -1, 1, 2, slave };
        exec_user_process(&process, &io);
    }
    if (slave >= 0)
        close(slave);
    return exec_relay(master, child, sig_fd, process.stdin_open);
}

