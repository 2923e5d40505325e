/*
 * Docker's default seccomp profile, as a classic BPF program built here from a table.
 *
 * Why not libseccomp: the shim is linked statically and runs in any mount namespace; Debian ships
 * libseccomp.a, but the filter we need is a deny list over one architecture, about 130 BPF
 * instructions (two per denied call) that the table below states more plainly than libseccomp
 * calls, and it keeps the build at "gcc -static" with no extra package for CI. The scan is
 * linear, but the kernel's seccomp action cache (5.11+) lets every call the filter allows
 * without looking at arguments skip it altogether.
 *
 * The program, in order:
 *   1. seccomp_data.arch must be the shim's own (AUDIT_ARCH_X86_64 or AUDIT_ARCH_AARCH64); any
 *      other (the i386 ABI through int 0x80 on x86_64) kills the process;
 *   2. x32 system calls (nr with __X32_SYSCALL_BIT) fail with EPERM;
 *   3. each denied call, unless the container holds one of its capabilities (Docker's
 *      "includes.caps"): EPERM, or ENOSYS for clone3 so that libc falls back to clone, whose
 *      namespace flags the filter can read (clone3 passes them in memory, out of its reach);
 *   4. three calls are denied by argument: clone with a CLONE_NEW* flag (unless CAP_SYS_ADMIN),
 *      personality other than Docker's five personas, socket(AF_VSOCK);
 *   5. everything else is allowed.
 *
 * Difference from Docker: Docker's profile is an allow list (about 350 names, default EPERM), so a
 * system call newer than the profile fails; this deny list lets it through. The denied set is
 * Docker's complement as of moby 25 (io_uring included) on calls that exist on this
 * architecture, and the capability exceptions are Docker's. Docker also accepts the i386 and x32
 * ABIs on x86_64; this filter refuses both, so 32-bit binaries do not run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

#if defined(__x86_64__)
#define SHIM_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SHIM_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#define X32_SYSCALL_BIT 0x40000000U
#define NS_FLAGS 0x7E020000U /* CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET */
#define AF_VSOCK_DOMAIN 40
#define MAX_PROGRAM 512

/* capability numbers, as in caps.c */
enum {
    C_DAC_READ_SEARCH = 2, C_SYS_MODULE = 16, C_SYS_RAWIO = 17, C_SYS_CHROOT = 18, C_SYS_PTRACE = 19,
    C_SYS_PACCT = 20, C_SYS_ADMIN = 21, C_SYS_BOOT = 22, C_SYS_NICE = 23, C_SYS_TIME = 25,
    C_SYS_TTY_CONFIG = 26, C_SYSLOG = 34, C_PERFMON = 38, C_BPF = 39,
};
#define CAP(n) (1ULL << (n))
#define ALWAYS 0ULL

struct rule {
    long nr;
    unsigned long long unless;  /* any of these capabilities lifts the rule */
    int err;
};

#define DENY(name, caps) { __NR_##name, caps, EPERM }

static const struct rule RULES[] = {
    /* never allowed in a container */
    DENY(keyctl, ALWAYS), DENY(add_key, ALWAYS), DENY(request_key, ALWAYS),
    DENY(userfaultfd, ALWAYS), DENY(pivot_root, ALWAYS),
    DENY(swapon, ALWAYS), DENY(swapoff, ALWAYS),
    DENY(io_uring_setup, ALWAYS), DENY(io_uring_enter, ALWAYS), DENY(io_uring_register, ALWAYS),
#ifdef __NR_nfsservctl
    DENY(nfsservctl, ALWAYS),
#endif
#ifdef __NR_uselib
    DENY(uselib, ALWAYS),
#endif
#ifdef __NR_ustat
    DENY(ustat, ALWAYS),
#endif
#ifdef __NR_sysfs
    DENY(sysfs, ALWAYS),
#endif
#ifdef __NR__sysctl
    DENY(_sysctl, ALWAYS),
#endif
#ifdef __NR_get_kernel_syms
    DENY(get_kernel_syms, ALWAYS), DENY(create_module, ALWAYS), DENY(query_module, ALWAYS),
#endif
    /* the kernel's own: modules, reboot, kexec, accounting, the log */
    DENY(init_module, CAP(C_SYS_MODULE)), DENY(finit_module, CAP(C_SYS_MODULE)),
    DENY(delete_module, CAP(C_SYS_MODULE)),
    DENY(reboot, CAP(C_SYS_BOOT)), DENY(kexec_load, CAP(C_SYS_BOOT)),
#ifdef __NR_kexec_file_load
    DENY(kexec_file_load, CAP(C_SYS_BOOT)),
#endif
    DENY(acct, CAP(C_SYS_PACCT)),
    DENY(syslog, CAP(C_SYSLOG) | CAP(C_SYS_ADMIN)),
    /* mounts and namespaces */
    DENY(mount, CAP(C_SYS_ADMIN)), DENY(umount2, CAP(C_SYS_ADMIN)),
#ifdef __NR_umount
    DENY(umount, CAP(C_SYS_ADMIN)),
#endif
    DENY(unshare, CAP(C_SYS_ADMIN)), DENY(setns, CAP(C_SYS_ADMIN)),
    DENY(open_tree, CAP(C_SYS_ADMIN)), DENY(move_mount, CAP(C_SYS_ADMIN)), DENY(fsopen, CAP(C_SYS_ADMIN)),
    DENY(fsconfig, CAP(C_SYS_ADMIN)), DENY(fsmount, CAP(C_SYS_ADMIN)), DENY(fspick, CAP(C_SYS_ADMIN)),
    DENY(mount_setattr, CAP(C_SYS_ADMIN)),
    DENY(quotactl, CAP(C_SYS_ADMIN)), DENY(quotactl_fd, CAP(C_SYS_ADMIN)),
    DENY(fanotify_init, CAP(C_SYS_ADMIN)), DENY(lookup_dcookie, CAP(C_SYS_ADMIN)),
    DENY(name_to_handle_at, CAP(C_SYS_ADMIN) | CAP(C_DAC_READ_SEARCH)),
    DENY(open_by_handle_at, CAP(C_DAC_READ_SEARCH)),
    { __NR_clone3, CAP(C_SYS_ADMIN), ENOSYS },
    /* tracing, eBPF, NUMA, clocks, raw I/O, terminals */
    DENY(bpf, CAP(C_SYS_ADMIN) | CAP(C_BPF)),
    DENY(perf_event_open, CAP(C_SYS_ADMIN) | CAP(C_PERFMON)),
    DENY(pidfd_getfd, CAP(C_SYS_PTRACE)), DENY(process_madvise, CAP(C_SYS_PTRACE)),
    DENY(mbind, CAP(C_SYS_NICE)), DENY(set_mempolicy, CAP(C_SYS_NICE)),
    DENY(get_mempolicy, CAP(C_SYS_NICE)), DENY(move_pages, CAP(C_SYS_NICE)),
    DENY(settimeofday, CAP(C_SYS_TIME)), DENY(clock_settime, CAP(C_SYS_TIME)),
#ifdef __NR_stime
    DENY(stime, CAP(C_SYS_TIME)),
#endif
#ifdef __NR_iopl
    DENY(iopl, CAP(C_SYS_RAWIO)), DENY(ioperm, CAP(C_SYS_RAWIO)),
#endif
    DENY(vhangup, CAP(C_SYS_TTY_CONFIG)),
#ifdef __NR_chroot
    DENY(chroot, CAP(C_SYS_CHROOT)),
#endif
};
#define N_RULES (sizeof RULES / sizeof RULES[0])

/* the personas Docker allows: PER_LINUX, its 32-bit variant, UNAME26 forms, and the query */
static const unsigned int PERSONAS[] = { 0x0, 0x8, 0x20000, 0x20008, 0xffffffffU };
#define N_PERSONAS (sizeof PERSONAS / sizeof PERSONAS[0])

struct program {
    struct sock_filter code[MAX_PROGRAM];
    unsigned short len;
};

static void emit(struct program *p, struct sock_filter insn)
{
    if (p->len < MAX_PROGRAM)
        p->code[p->len] = insn;
    p->len++;
}

#define ARG0_LOW offsetof(struct seccomp_data, args[0]) /* little endian: the low word first */
#define RET(value) BPF_STMT(BPF_RET | BPF_K, (value))
#define DENIED(err) RET(SECCOMP_RET_ERRNO | ((err) & SECCOMP_RET_DATA))

/* nr == number: load the first argument's low word, then the block's checks; else skip the block */
static void arg_block_start(struct program *p, long number, unsigned char block_len)
{
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned int)number, 0, block_len));
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LOW));
}

static void argument_rules(struct program *p, unsigned long long caps)
{
    if (!(caps & CAP(C_SYS_ADMIN))) {
        /* clone's flags are its first argument on x86_64 and aarch64 */
        arg_block_start(p, __NR_clone, 4);
        emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NS_FLAGS, 0, 1));
        emit(p, (struct sock_filter)DENIED(EPERM));
        emit(p, (struct sock_filter)RET(SECCOMP_RET_ALLOW));
    }
    arg_block_start(p, __NR_personality, N_PERSONAS + 3);
    for (unsigned i = 0; i < N_PERSONAS; i++)
        emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PERSONAS[i], (unsigned char)(N_PERSONAS - i), 0));
    emit(p, (struct sock_filter)DENIED(EPERM));
    emit(p, (struct sock_filter)RET(SECCOMP_RET_ALLOW));
    arg_block_start(p, __NR_socket, 4);
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_VSOCK_DOMAIN, 0, 1));
    emit(p, (struct sock_filter)DENIED(EPERM));
    emit(p, (struct sock_filter)RET(SECCOMP_RET_ALLOW));
}

#ifdef SHIM_AUDIT_ARCH
static void build(struct program *p, unsigned long long caps)
{
    p->len = 0;
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SHIM_AUDIT_ARCH, 1, 0));
    emit(p, (struct sock_filter)RET(SECCOMP_RET_KILL_PROCESS));
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1));
    emit(p, (struct sock_filter)DENIED(EPERM));
    for (size_t i = 0; i < N_RULES; i++) {
        if (caps & RULES[i].unless)
            continue;
        emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned int)RULES[i].nr, 0, 1));
        emit(p, (struct sock_filter)DENIED(RULES[i].err));
    }
    argument_rules(p, caps);
    emit(p, (struct sock_filter)RET(SECCOMP_RET_ALLOW));
}

int seccomp_install(unsigned long long caps)
{
    static struct program program;
    build(&program, caps);
    if (program.len > MAX_PROGRAM) {
        errno = E2BIG;
        return fail_sys("build seccomp filter for", "the process");
    }
    struct sock_fprog prog = { program.len, program.code };
    /* needs no_new_privs (set before) since the process may have no CAP_SYS_ADMIN */
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
        return fail_sys("install seccomp filter for", "the process");
    return 0;
}
#else
int seccomp_install(unsigned long long caps)
{
    (void)caps;
    (void)argument_rules;
    errno = ENOSYS;
    return fail_sys("install seccomp filter on", "this architecture (use --security-opt seccomp=unconfined)");
}
#endif
