package io.launcher.backend.lxc;

import java.util.List;

/**
 * The host's device nodes in a privileged container's /dev, as Docker gives them and as
 * backend-native makes them (hostdev.c): each node is made again (same type, numbers, mode and
 * owner) in LXC's autodev tmpfs, not bound, so nothing of the host's /dev is shared, the
 * container may remove or replace a node (a bind would be EBUSY), and everything goes with the
 * container's mount namespace. LXC's configuration can only bind, so the autodev hook does it.
 *
 * <p>The host's /dev is read when the container starts (a node udev added or removed since the
 * create counts as it is then), by bash builtins alone, down to backend-native's depth; then one
 * {@code cp} makes every node (mknod, chmod, chown), rather than three processes per node: a
 * host has a hundred or more. Skipped, as runc and backend-native skip them: the folders a
 * container has of its own (pts, shm, mqueue) or that are links (fd), the console, ptmx (a link
 * to the container's devpts), LXC's and udev's state (.lxc, .udev), symlinks and anything not a
 * node. Hidden names count as hostdev.c counts them: at the top only those two are skipped, below
 * it every one is. The harmless nodes (null, zero, tty, ...) are made too, with the host's owner:
 * LXC then leaves them as they are (it skips a node that exists).
 *
 * <p>Every folder read is made, holding a node or not, as backend-native makes it before reading
 * it: {@code cp --parents} makes a node's folders with the host's mode and owner, and one
 * {@code mkdir -p}, run only when the host has such a folder, the folders no node is copied into
 * (with mkdir's mode: the host's are 0755).
 */
final class HostDevices {
    /** backend-native's MAX_DEPTH: /dev/a/b/c/node is the deepest node made. */
    static final int MAX_DEPTH = 4;
    static final List<String> SKIPPED = List.of("pts", "shm", "mqueue", "fd", "console", "ptmx", ".lxc", ".udev");

    private HostDevices() {
    }

    /** The hook's {@code host_devices} function: its one argument is the container's /dev. */
    static String function() {
        return """
                # The host's device nodes, made again in the container's /dev (see HostDevices).
                collect_nodes() {
                    local entry name before entries=("$1"/*)
                    # a glob leaves out hidden names: at the top they are read too (a pattern
                    # that matches nothing stays as written, and is no node or folder)
                    [ "$2" -gt 0 ] || entries+=("$1"/.[!.]* "$1"/..?*)
                    for entry in "${entries[@]}"; do
                        name=${entry##*/}
                        if [ "$2" -eq 0 ]; then case " %s " in *" $name "*) continue ;; esac; fi
                        if [ -L "$entry" ]; then
                            continue
                        elif [ -c "$entry" ] || [ -b "$entry" ]; then
                            host_nodes+=("${entry#/dev/}")
                        elif [ -d "$entry" ] && [ "$2" -lt %d ]; then
                            before=${#host_nodes[@]}
                            collect_nodes "$entry" $(($2 + 1))
                            [ "${#host_nodes[@]}" -gt "$before" ] || host_dirs+=("${entry#/dev/}")
                        fi
                    done
                }
                host_devices() {
                    local node
                    host_nodes=() host_dirs=()
                    collect_nodes /dev 0
                    cd /dev
                    # cp fails for a node udev removed meanwhile: only a node that is still there counts
                    if [ "${#host_nodes[@]}" -gt 0 ] \
                        && ! cp -R --no-dereference --preserve=mode,ownership --parents -t "$1" -- "${host_nodes[@]}"; then
                        for node in "${host_nodes[@]}"; do
                            [ ! -e "/dev/$node" ] || [ -c "$1/$node" ] || [ -b "$1/$node" ] \
                                || { echo "unable to create device node $1/$node"; return 1; }
                        done
                    fi
                    # after cp, so that a folder cp makes gets the host's mode and owner
                    [ "${#host_dirs[@]}" -eq 0 ] || { cd "$1" && mkdir -p -- "${host_dirs[@]}"; }
                }
                """.formatted(String.join(" ", SKIPPED), MAX_DEPTH - 1);
    }
}
