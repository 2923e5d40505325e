/*
 * The bundle's spec file: the one place its format is defined (the Java writer is SpecFile).
 *
 * One record a line: a key, then its fields, each preceded by one space. A field escapes
 * '\' as "\\", every byte 0x01-0x20 and 0x7f as "\xHH" (so spaces and newlines too), and an
 * empty field is written "\e". Any byte but NUL can be carried. Unknown keys are an error.
 *
 *   key        fields                         meaning
 *   ---------  -----------------------------  ---------------------------------------------
 *   version    1                              format version, first line
 *   id         <container id>                 names the cgroup
 *   hostname   <name>                         sethostname in the new UTS namespace
 *   log        <path>                         json-file log the monitor appends to
 *   logrotate  <max bytes> <max files>        rotate the log past max bytes (0: never), keeping
 *                                             max files (1: truncate in place)
 *   arg        <value>                        argv, repeated in order (at least one)
 *   env        <KEY=value>                    environment, repeated in order
 *   cwd        <absolute path>                working directory of the process
 *   user       <uid> <gid>                    numeric identity of the process
 *   group      <gid>                          one additional group, repeated
 *   terminal   0|1                            the process gets a pty as its controlling terminal
 *   stdin      0|1                            the process's stdin is open (fed over the control socket)
 *   mount      <type> <source>                a root filesystem mount (overlay, bind), in order
 *   mountopt   <option>                       one option of the preceding mount
 *   bind       <source> <destination> ro|rw   a bind mount of a host path into the container
 *   network    private | host | join <path>   the network namespace
 *   readonly   0|1                            remount the root read-only
 *   memory     <bytes>                        cgroup limits: 0 means unlimited
 *   cpushares  <shares>
 *   nanocpus   <cpus * 10^9>
 *   pids       <max>
 *   cap        <CAP_NAME>                     one capability kept, repeated; all others are dropped
 *   seccomp    program <hex>                  the filter, Docker's default profile or a custom one, compiled
 *              | unconfined                   to classic BPF by the Java side (filter.c), or none; neither
 *                                             (or "default", written by launchers before the allow list):
 *                                             the process is refused rather than run unfiltered
 *   privileged 0|1                            --privileged: /proc unmasked, /sys read-write, the host's
 *                                             device nodes in /dev; in an exec's spec: every capability
 *   nonewprivs 0|1                            set no_new_privs on the processes; absent: 1
 *   device     <path> c|b <major> <minor>     a device node made at path in the container (--device),
 *              <mode> <uid> <gid>             mode in octal; repeated
 *   devicerule a|c|b <major>|* <minor>|*      one devices cgroup allow rule over a deny of every device,
 *              <access>                       access a subset of rwm; repeated, in order: Docker's
 *                                             (written by the Java side), then the given ones
 *
 * An exec's spec (read by the exec relay, join.c) holds only version, arg, env, cwd, user, group,
 * terminal, stdin and privileged: namespaces, cgroup, capabilities, seccomp and no_new_privs come
 * from the container's bundle.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "shim.h"

#define MAX_FIELDS 8

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* unescapes one field in place; returns its end or NULL when malformed */
static char *unescape(char *field)
{
    char *in = field, *out = field;
    while (*in && *in != ' ') {
        if (*in != '\\') {
            *out++ = *in++;
            continue;
        }
        in++;
        if (*in == '\\') {
            *out++ = '\\';
            in++;
        } else if (*in == 'e') {
            in++;
        } else if (*in == 'x' && hex_value(in[1]) >= 0 && hex_value(in[2]) >= 0) {
            int byte = hex_value(in[1]) * 16 + hex_value(in[2]);
            if (byte == 0)
                return NULL;
            *out++ = (char)byte;
            in += 3;
        } else {
            return NULL;
        }
    }
    char *end = *in ? in + 1 : in;
    *out = '\0';
    return end;
}

static int split(char *line, char **key, char **fields, int *n_fields)
{
    char *space = strchr(line, ' ');
    *key = line;
    *n_fields = 0;
    if (space == NULL)
        return 0;
    *space = '\0';
    char *cursor = space + 1;
    while (*n_fields < MAX_FIELDS) {
        char *field = cursor;
        cursor = unescape(field);
        if (cursor == NULL)
            return -1;
        fields[(*n_fields)++] = field;
        if (*cursor == '\0')
            break;
    }
    return *cursor == '\0' ? 0 : -1;
}

static int parse_number(const char *text, long long *out)
{
    char *end;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno || *end || end == text || value < 0)
        return -1;
    *out = value;
    return 0;
}

/* a device number, or -1 for '*' where wildcard is allowed */
static int parse_device_number(const char *text, int wildcard, long long *out)
{
    if (wildcard && strcmp(text, "*") == 0) {
        *out = -1;
        return 0;
    }
    return parse_number(text, out) < 0 || *out > 0xffffffffLL ? -1 : 0;
}

static int apply_device(struct spec *spec, char **f, int n)
{
    long long major, minor, uid, gid;
    char *end;
    if (n != 7 || spec->n_devices >= SHIM_MAX_DEVICES || f[0][0] != '/' || strlen(f[1]) != 1
        || (f[1][0] != 'c' && f[1][0] != 'b'))
        return -1;
    errno = 0;
    long mode = strtol(f[4], &end, 8);
    if (errno || *end || end == f[4] || mode < 0 || mode > 07777)
        return -1;
    if (parse_device_number(f[2], 0, &major) < 0 || parse_device_number(f[3], 0, &minor) < 0
        || parse_number(f[5], &uid) < 0 || parse_number(f[6], &gid) < 0)
        return -1;
    spec->devices[spec->n_devices++] = (struct device_node){ f[0], f[1][0], (unsigned int)major,
        (unsigned int)minor, (unsigned int)mode, (uid_t)uid, (gid_t)gid };
    return 0;
}

static int apply_device_rule(struct spec *spec, char **f, int n)
{
    if (n != 4 || spec->n_device_rules >= SHIM_MAX_DEVICE_RULES || strlen(f[0]) != 1 || !strchr("acb", f[0][0])
        || strlen(f[3]) < 1 || strlen(f[3]) > 3 || strspn(f[3], "rwm") != strlen(f[3]))
        return -1;
    struct device_rule *rule = &spec->device_rules[spec->n_device_rules];
    if (parse_device_number(f[1], 1, &rule->major) < 0 || parse_device_number(f[2], 1, &rule->minor) < 0)
        return -1;
    rule->type = f[0][0];
    snprintf(rule->access, sizeof rule->access, "%s", f[3]);
    spec->n_device_rules++;
    return 0;
}

static int apply_list(struct spec *spec, const char *key, char **f, int n)
{
    if (strcmp(key, "device") == 0)
        return apply_device(spec, f, n);
    if (strcmp(key, "devicerule") == 0)
        return apply_device_rule(spec, f, n);
    if (strcmp(key, "arg") == 0 && n == 1 && spec->n_args < SHIM_MAX_LIST) {
        spec->args[spec->n_args++] = f[0];
    } else if (strcmp(key, "env") == 0 && n == 1 && spec->n_env < SHIM_MAX_LIST) {
        spec->env[spec->n_env++] = f[0];
    } else if (strcmp(key, "group") == 0 && n == 1 && spec->n_groups < 64) {
        long long gid;
        if (parse_number(f[0], &gid) < 0)
            return -1;
        spec->groups[spec->n_groups++] = (gid_t)gid;
    } else if (strcmp(key, "mount") == 0 && n == 2 && spec->n_mounts < 16) {
        struct rootfs_mount *m = &spec->mounts[spec->n_mounts++];
        m->type = f[0];
        m->source = f[1];
    } else if (strcmp(key, "mountopt") == 0 && n == 1 && spec->n_mounts > 0) {
        struct rootfs_mount *m = &spec->mounts[spec->n_mounts - 1];
        if (m->n_options >= 64)
            return -1;
        m->options[m->n_options++] = f[0];
    } else if (strcmp(key, "bind") == 0 && n == 3 && spec->n_binds < 64) {
        struct bind_mount *b = &spec->binds[spec->n_binds++];
        b->source = f[0];
        b->destination = f[1];
        b->read_only = strcmp(f[2], "ro") == 0;
    } else {
        return -1;
    }
    return 0;
}

static int apply(struct spec *spec, const char *key, char **f, int n)
{
    long long number = 0;
    if (strcmp(key, "version") == 0 && n == 1)
        return strcmp(f[0], "1") == 0 ? 0 : -1;
    if (strcmp(key, "id") == 0 && n == 1) { spec->id = f[0]; return 0; }
    if (strcmp(key, "hostname") == 0 && n == 1) { spec->hostname = f[0]; return 0; }
    if (strcmp(key, "log") == 0 && n == 1) { spec->log_path = f[0]; return 0; }
    if (strcmp(key, "logrotate") == 0 && n == 2) {
        long long files;
        if (parse_number(f[0], &spec->log_max_size) < 0 || parse_number(f[1], &files) < 0 || files < 1 || files > 1000)
            return -1;
        spec->log_max_files = (int)files;
        return 0;
    }
    if (strcmp(key, "cwd") == 0 && n == 1) { spec->cwd = f[0]; return 0; }
    if (strcmp(key, "user") == 0 && n == 2) {
        long long gid;
        if (parse_number(f[0], &number) < 0 || parse_number(f[1], &gid) < 0)
            return -1;
        spec->uid = (uid_t)number;
        spec->gid = (gid_t)gid;
        return 0;
    }
    if (strcmp(key, "cap") == 0 && n == 1)
        return caps_add(&spec->caps, f[0]);
    if (strcmp(key, "seccomp") == 0 && n == 1) {
        spec->seccomp_unconfined = strcmp(f[0], "unconfined") == 0;
        return spec->seccomp_unconfined || strcmp(f[0], "default") == 0 ? 0 : -1;
    }
    if (strcmp(key, "seccomp") == 0 && n == 2 && strcmp(f[0], "program") == 0) {
        spec->seccomp_program = f[1];
        return seccomp_program_valid(f[1]);
    }
    if ((strcmp(key, "privileged") == 0 || strcmp(key, "nonewprivs") == 0) && n == 1) {
        if (parse_number(f[0], &number) < 0 || number > 1)
            return -1;
        *(key[0] == 'p' ? &spec->privileged : &spec->no_new_privs) = (int)number;
        return 0;
    }
    if ((strcmp(key, "terminal") == 0 || strcmp(key, "stdin") == 0) && n == 1) {
        if (parse_number(f[0], &number) < 0)
            return -1;
        *(key[0] == 't' ? &spec->terminal : &spec->stdin_open) = number != 0;
        return 0;
    }
    if (strcmp(key, "network") == 0) {
        if (n == 1 && strcmp(f[0], "private") == 0) { spec->network = NET_PRIVATE; return 0; }
        if (n == 1 && strcmp(f[0], "host") == 0) { spec->network = NET_HOST; return 0; }
        if (n == 2 && strcmp(f[0], "join") == 0) {
            spec->network = NET_JOIN;
            spec->netns_path = f[1];
            return 0;
        }
        return -1;
    }
    long long *target = NULL;
    if (strcmp(key, "readonly") == 0) {
        if (n != 1 || parse_number(f[0], &number) < 0)
            return -1;
        spec->readonly_rootfs = number != 0;
        return 0;
    }
    if (strcmp(key, "memory") == 0) target = &spec->memory_bytes;
    else if (strcmp(key, "cpushares") == 0) target = &spec->cpu_shares;
    else if (strcmp(key, "nanocpus") == 0) target = &spec->nano_cpus;
    else if (strcmp(key, "pids") == 0) target = &spec->pids_limit;
    if (target != NULL)
        return n == 1 ? parse_number(f[0], target) : -1;
    return apply_list(spec, key, f, n);
}

static int validate_process(const struct spec *spec)
{
    if (spec->cwd == NULL)
        return fail_spec("invalid spec: cwd is required");
    if (spec->n_args == 0)
        return fail_spec("no command specified");
    if (spec->cwd[0] != '/')
        return fail_spec("the working directory '%s' is invalid, it needs to be an absolute path", spec->cwd);
    return 0;
}

static int validate(const struct spec *spec)
{
    if (spec->id == NULL || spec->log_path == NULL || spec->cwd == NULL)
        return fail_spec("invalid spec: id, log and cwd are required");
    /* the id names a cgroup folder: nothing but hex may reach a path */
    if (strlen(spec->id) == 0 || strlen(spec->id) > 64 || strspn(spec->id, "0123456789abcdef") != strlen(spec->id))
        return fail_spec("invalid container id %s", spec->id);
    if (spec->n_args == 0)
        return fail_spec("no command specified");
    if (spec->cwd[0] != '/')
        return fail_spec("the working directory '%s' is invalid, it needs to be an absolute path", spec->cwd);
    if (spec->n_mounts == 0)
        return fail_spec("invalid spec: no root filesystem mount");
    for (int i = 0; i < spec->n_binds; i++)
        if (spec->binds[i].destination[0] != '/')
            return fail_spec("invalid mount destination %s: not an absolute path", spec->binds[i].destination);
    return 0;
}

/* reads the whole file into one buffer that the parsed strings point into */
static char *slurp(const char *path)
{
    FILE *file = fopen(path, "re");
    if (file == NULL) {
        fail_sys("open spec", path);
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len - 1, file)) > 0) {
        len += n;
        if (cap - len < 2)
            data = realloc(data, cap *= 2);
    }
    fclose(file);
    if (data)
        data[len] = '\0';
    return data;
}

static int parse(const char *path, struct spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->no_new_privs = 1;
    char *data = slurp(path);
    if (data == NULL)
        return -1;
    int line_no = 0;
    for (char *line = data, *next; line && *line; line = next) {
        line_no++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *key, *fields[MAX_FIELDS];
        int n;
        if (split(line, &key, fields, &n) < 0 || apply(spec, key, fields, n) < 0)
            return fail_spec("invalid spec %s: line %d: bad record \"%s\"", path, line_no, key);
    }
    spec->args[spec->n_args] = NULL;
    spec->env[spec->n_env] = NULL;
    if (spec->privileged)
        spec->caps &= caps_all();
    return 0;
}

int spec_read(const char *path, struct spec *spec)
{
    return parse(path, spec) < 0 ? -1 : validate(spec);
}

int spec_read_process(const char *path, struct spec *spec)
{
    return parse(path, spec) < 0 ? -1 : validate_process(spec);
}
