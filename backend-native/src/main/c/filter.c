/*
 * The seccomp filter of a container's processes: Docker's default profile (spi's
 * DefaultSeccompFilter, an allow list) or a custom one (--security-opt seccomp=profile.json,
 * resolved by the engine). backend-native's Java side compiles either to classic BPF
 * (SeccompCompiler: arch check, a binary search on the call number to its rules, the default
 * action) and the spec carries the program as hex ("seccomp program <hex>", spec.c). Here it is
 * decoded and installed last before execve, after no_new_privs (which lets a process without
 * CAP_SYS_ADMIN install it). Why not libseccomp: the shim is linked statically and stays a
 * plain "gcc -static" build, and the program is made once per capability set in Java.
 *
 * Encoding, per instruction: 16 hex digits, code (4), jt (2), jf (2), k (8), most significant
 * digit first. The kernel checks the program itself (jumps in range, a return at the end).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "shim.h"

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* the digits were checked by seccomp_program_valid */
static unsigned int hex_field(const char *text, int digits)
{
    unsigned int value = 0;
    for (int i = 0; i < digits; i++)
        value = value << 4 | (unsigned int)hex_digit(text[i]);
    return value;
}

int seccomp_program_valid(const char *hex)
{
    size_t len = strlen(hex);
    if (len == 0 || len % 16 != 0 || len / 16 > BPF_MAXINSNS)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (hex_digit(hex[i]) < 0)
            return -1;
    return 0;
}

int seccomp_install_program(const char *hex)
{
    static struct sock_filter code[BPF_MAXINSNS];
    if (hex == NULL)
        return fail_spec("unable to install seccomp filter for the process: the spec carries no program"
                         " (a container made by an earlier launcher: recreate it)");
    size_t n = strlen(hex) / 16;
    if (seccomp_program_valid(hex) < 0) {
        errno = EINVAL;
        return fail_sys("decode seccomp program for", "the process");
    }
    for (size_t i = 0; i < n; i++) {
        const char *at = hex + i * 16;
        code[i] = (struct sock_filter){ (unsigned short)hex_field(at, 4), (unsigned char)hex_field(at + 4, 2),
                                        (unsigned char)hex_field(at + 6, 2), hex_field(at + 8, 8) };
    }
    struct sock_fprog prog = { (unsigned short)n, code };
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
        return fail_sys("install seccomp filter for", "the process");
    return 0;
}
