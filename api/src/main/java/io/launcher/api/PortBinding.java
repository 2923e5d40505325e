package io.launcher.api;

import java.util.Locale;

/**
 * One published port, as Docker's {@code HostConfig.PortBindings} holds it: the container's port
 * and protocol, the host address ({@code ""} for every address) and the host port ({@code 0}: the
 * engine picks a free one). In {@code NetworkSettings} the same record carries what was chosen.
 */
public record PortBinding(Protocol protocol, String hostIp, int hostPort, int containerPort) {

    /** The transport of a published port. */
    public enum Protocol {
        TCP, UDP;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Protocol parse(String text) {
            if (text == null || text.isEmpty()) {
                return TCP;
            }
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("invalid proto: " + text);
            }
        }
    }

    public PortBinding {
        if (protocol == null) {
            protocol = Protocol.TCP;
        }
        hostIp = hostIp == null ? "" : hostIp;
        if (hostPort < 0 || hostPort > 65535) {
            throw new InvalidSpecException("invalid hostPort: " + hostPort);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new InvalidSpecException("invalid containerPort: " + containerPort);
        }
    }

    /** Docker's key for the container side: {@code 80/tcp}. */
    public String portKey() {
        return containerPort + "/" + protocol.apiName();
    }

    /**
     * Reads Docker's key {@code 80}, {@code 80/tcp} or {@code 53/udp} into a binding to a port the
     * engine picks on every host address.
     */
    public static PortBinding ofKey(String key) {
        String[] parts = key.split("/", 2);
        int port;
        try {
            port = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid containerPort: " + parts[0]);
        }
        return new PortBinding(Protocol.parse(parts.length > 1 ? parts[1] : ""), "", 0, port);
    }
}
