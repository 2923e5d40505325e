package io.launcher.network.bridge;

import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.PortMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a host port is taken by a socket of the host's network namespace, read from
 * {@code /proc/net/{tcp,tcp6,udp,udp6}}: a TCP socket in LISTEN state, or any bound UDP socket.
 * A published port would shadow such a socket, so the driver refuses it as Docker does.
 */
final class ListeningSockets {
    private static final String TCP_LISTEN = "0A";
    private final Path procNet;

    ListeningSockets(Path procNet) {
        this.procNet = procNet;
    }

    static ListeningSockets host() {
        return new ListeningSockets(Path.of("/proc/net"));
    }

    /** Whether a socket holds {@code mapping}'s port on its address, on any address, or on all. */
    boolean taken(PortMapping mapping) {
        String base = mapping.protocol() == PortMapping.Protocol.TCP ? "tcp" : "udp";
        return taken(procNet.resolve(base), mapping) || taken(procNet.resolve(base + "6"), mapping);
    }

    private static boolean taken(Path table, PortMapping mapping) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new SystemCallFailedException("read", table.toString(), e.getMessage(), e);
        }
        boolean tcp = mapping.protocol() == PortMapping.Protocol.TCP;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || (tcp && !fields[3].equals(TCP_LISTEN))) {
                continue;
            }
            int colon = fields[1].lastIndexOf(':');
            if (Integer.parseInt(fields[1].substring(colon + 1), 16) == mapping.hostPort()
                    && overlaps(fields[1].substring(0, colon), mapping.hostAddress())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a socket's local address (kernel hex) overlaps the wanted one. IPv4 addresses are one
     * little-endian word; IPv6 ones four, where only the wildcard and IPv4-mapped addresses can
     * meet an IPv4 port.
     */
    static boolean overlaps(String hex, Ipv4Address wanted) {
        Ipv4Address bound;
        if (hex.length() == 8) {
            bound = new Ipv4Address(Integer.reverseBytes(Integer.parseUnsignedInt(hex, 16)));
        } else if (hex.length() == 32 && hex.chars().allMatch(c -> c == '0')) {
            bound = new Ipv4Address(0);
        } else if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            bound = new Ipv4Address(Integer.reverseBytes(Integer.parseUnsignedInt(hex.substring(24), 16)));
        } else {
            return false;
        }
        return bound.bits() == 0 || wanted.bits() == 0 || bound.equals(wanted);
    }
}
