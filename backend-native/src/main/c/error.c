/* One error message per failure, in runc's style, for the engine to turn into a typed fault. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "shim.h"

char shim_error[512];
int shim_fault;

const char *errno_name(int err)
{
    const char *name = strerrorname_np(err);
    return name ? name : "EUNKNOWN";
}

int fail_sys(const char *operation, const char *object)
{
    int err = errno;
    snprintf(shim_error, sizeof shim_error, "unable to %s %s: %s", operation, object, errno_name(err));
    shim_fault = FAULT_SYSCALL;
    errno = err;
    return -1;
}

int fail_spec(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(shim_error, sizeof shim_error, fmt, ap);
    va_end(ap);
    shim_fault = FAULT_SPEC;
    return -1;
}
