package io.launcher.engine;

import io.launcher.api.PortBinding;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a host port is free for publishing: nothing of the host may hold it, since a published
 * port would shadow that socket. The engine's seam, so that the port policy is tested without
 * binding anything.
 */
interface HostPorts {

    boolean free(PortBinding.Protocol protocol, String hostIp, int port);

    /**
     * Asks the kernel by binding the port for a moment: that sees every socket of every address
     * family (listening TCP, bound UDP, a dual-stack {@code [::]} listener) where reading
     * {@code /proc/net} would need four tables and their address formats.
     */
    static HostPorts probe() {
        return (protocol, hostIp, port) -> {
            try {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(hostIp.isEmpty() ? "0.0.0.0" : hostIp), port);
                if (protocol == PortBinding.Protocol.TCP) {
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.setReuseAddress(true);
                        socket.bind(address);
                    }
                } else {
                    try (DatagramSocket socket = new DatagramSocket(null)) {
                        socket.bind(address);
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
