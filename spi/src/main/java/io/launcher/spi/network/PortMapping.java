package io.launcher.spi.network;

/** A published port: host address and port to the container's port, TCP or UDP. */
public record PortMapping(Protocol protocol, Ipv4Address hostAddress, int hostPort, int containerPort) {
    public enum Protocol { TCP, UDP }
}
