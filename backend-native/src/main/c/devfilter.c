/*
 * The devices cgroup on cgroup v2, which has no devices.allow file: a BPF program of type
 * BPF_PROG_TYPE_CGROUP_DEVICE attached to the container's cgroup (runc's devicefilter). The
 * kernel runs it on every open and mknod of a device node with the node's type, the access asked
 * and its numbers; 1 allows, 0 refuses (EPERM). The rules are those v1 gets, all allow rules over
 * a default deny: the program tries each in turn and allows at the first match.
 *
 *   prologue   r2 = type (ctx->access_type & 0xffff), r3 = access (>> 16), r4 = major, r5 = minor
 *   each rule  skip to the next rule unless: r2 == type (not for 'a'); r3 & ~allowed == 0 (not for
 *              rwm); r4 == major, r5 == minor (not for '*'); else r0 = 1, exit
 *   epilogue   r0 = 0, exit
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

#define MAX_INSNS (8 + 9 * 2 * SHIM_MAX_DEVICES)

#define INSN(c, d, s, o, i) ((struct bpf_insn){ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) })
#define LDX_W(d, s, o) INSN(BPF_LDX | BPF_MEM | BPF_W, d, s, o, 0)
#define ALU32_K(op, d, i) INSN(BPF_ALU | (op) | BPF_K, d, 0, 0, i)
#define MOV64_X(d, s) INSN(BPF_ALU64 | BPF_MOV | BPF_X, d, s, 0, 0)
#define MOV64_K(d, i) INSN(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, i)
#define JNE_K(d, i, o) INSN(BPF_JMP | BPF_JNE | BPF_K, d, 0, o, i)
#define EXIT() INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

static int access_mask(const char *access)
{
    int mask = 0;
    if (strchr(access, 'm')) mask |= BPF_DEVCG_ACC_MKNOD;
    if (strchr(access, 'r')) mask |= BPF_DEVCG_ACC_READ;
    if (strchr(access, 'w')) mask |= BPF_DEVCG_ACC_WRITE;
    return mask;
}

/* one rule's block at out; the jumps aim past its end, at the next rule; *always: it has none */
static int emit_rule(struct bpf_insn *out, const struct device_rule *r, int *always)
{
    int n = 0, mask = access_mask(r->access);
    int jumps[4], n_jumps = 0;
    if (r->type != 'a') {
        jumps[n_jumps++] = n;
        out[n++] = JNE_K(2, r->type == 'b' ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR, 0);
    }
    if (mask != (BPF_DEVCG_ACC_MKNOD | BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE)) {
        out[n++] = MOV64_X(1, 3);
        out[n++] = ALU32_K(BPF_AND, 1, ~mask & 7);
        jumps[n_jumps++] = n;
        out[n++] = JNE_K(1, 0, 0);
    }
    if (r->type != 'a' && r->major >= 0) {
        jumps[n_jumps++] = n;
        out[n++] = JNE_K(4, (int32_t)r->major, 0);
    }
    if (r->type != 'a' && r->minor >= 0) {
        jumps[n_jumps++] = n;
        out[n++] = JNE_K(5, (int32_t)r->minor, 0);
    }
    out[n++] = MOV64_K(0, 1);
    out[n++] = EXIT();
    for (int i = 0; i < n_jumps; i++)
        out[jumps[i]].off = (int16_t)(n - jumps[i] - 1);
    *always = n_jumps == 0;
    return n;
}

static int bpf(int cmd, union bpf_attr *attr)
{
    return (int)syscall(SYS_bpf, cmd, attr, sizeof *attr);
}

int devfilter_attach(const char *dir, const struct device_rule *rules, int n_rules)
{
    static struct bpf_insn insns[MAX_INSNS];
    int n = 0;
    insns[n++] = LDX_W(2, 1, 0);
    insns[n++] = ALU32_K(BPF_AND, 2, 0xffff);
    insns[n++] = LDX_W(3, 1, 0);
    insns[n++] = ALU32_K(BPF_RSH, 3, 16);
    insns[n++] = LDX_W(4, 1, 4);
    insns[n++] = LDX_W(5, 1, 8);
    int always = 0;
    for (int i = 0; i < n_rules && !always && n + 9 < MAX_INSNS - 2; i++)
        n += emit_rule(insns + n, &rules[i], &always);
    /* after a rule that allows everything nothing is reachable, and the verifier refuses dead code */
    if (!always) {
        insns[n++] = MOV64_K(0, 0);
        insns[n++] = EXIT();
    }

    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    attr.insns = (uint64_t)(uintptr_t)insns;
    attr.insn_cnt = (uint32_t)n;
    attr.license = (uint64_t)(uintptr_t)"Apache-2.0";
    int prog = bpf(BPF_PROG_LOAD, &attr);
    if (prog < 0)
        return fail_sys("load the device filter for", dir);
    int cgroup = open(dir, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (cgroup < 0) {
        close(prog);
        return fail_sys("open cgroup", dir);
    }
    memset(&attr, 0, sizeof attr);
    attr.target_fd = (uint32_t)cgroup;
    attr.attach_bpf_fd = (uint32_t)prog;
    attr.attach_type = BPF_CGROUP_DEVICE;
    /* with the programs of the cgroups above: every one must allow */
    attr.attach_flags = BPF_F_ALLOW_MULTI;
    int rc = bpf(BPF_PROG_ATTACH, &attr);
    int saved = errno;
    close(cgroup);
    close(prog);  /* the attachment holds the program */
    errno = saved;
    return rc < 0 ? fail_sys("attach the device filter to", dir) : 0;
}
