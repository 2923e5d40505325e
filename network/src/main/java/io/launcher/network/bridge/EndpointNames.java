package io.launcher.network.bridge;

import io.launcher.api.ContainerId;
import java.nio.file.Path;

/**
 * The host-side names of a container's endpoint, all derived from its id so that detach and the
 * startup sweep find them again without any other record: the named network namespace
 * ({@code launcher-<short id>} under iproute2's {@code /run/netns}), the host end of its veth
 * ({@code lv} and ten hex digits: interface names hold at most 15 characters) and the comment
 * its firewall rules carry.
 */
public record EndpointNames(String namespace, String hostInterface, String ruleComment) {
    /** Where {@code ip netns add} bind-mounts named namespaces. */
    public static final Path NETNS_DIR = Path.of("/run/netns");
    /** The interface name the container sees. */
    public static final String CONTAINER_INTERFACE = "eth0";
    private static final String RULE_COMMENT_PREFIX = "launcher:";

    public static EndpointNames of(ContainerId id) {
        return new EndpointNames("launcher-" + id.shortId(), "lv" + id.value().substring(0, 10), RULE_COMMENT_PREFIX + id.value());
    }

    /** The file the isolation backend setns()es into. */
    public Path namespacePath() {
        return NETNS_DIR.resolve(namespace);
    }
}
