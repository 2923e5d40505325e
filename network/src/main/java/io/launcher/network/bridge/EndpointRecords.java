package io.launcher.network.bridge;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.PortMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this driver made, on disk under its state directory: one file per attached container,
 * named by its id, with one line per published port ({@code tcp 0.0.0.0 8080 80}). The file is
 * written before anything is created on the host and removed after everything is gone, so after
 * a crash the startup sweep finds every endpoint of this engine and no endpoint of another.
 */
final class EndpointRecords {
    private final Path dir;

    EndpointRecords(Path stateDir) {
        this.dir = stateDir.resolve("endpoints");
    }

    void create(ContainerId id) {
        try {
            Files.createDirectories(dir);
            Files.write(file(id), new byte[0]);
        } catch (IOException e) {
            throw new SystemCallFailedException("write endpoint record", file(id).toString(), e.getMessage(), e);
        }
    }

    boolean exists(ContainerId id) {
        return Files.exists(file(id));
    }

    void addPort(ContainerId id, PortMapping mapping) {
        String line = mapping.protocol().name().toLowerCase(Locale.ROOT) + " " + mapping.hostAddress() + " "
                + mapping.hostPort() + " " + mapping.containerPort() + "\n";
        try {
            Files.writeString(file(id), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SystemCallFailedException("write endpoint record", file(id).toString(), e.getMessage(), e);
        }
    }

    void removePort(ContainerId id, PortMapping mapping) {
        List<PortMapping> kept = new ArrayList<>(ports(id));
        kept.remove(mapping);
        create(id);
        kept.forEach(port -> addPort(id, port));
    }

    List<PortMapping> ports(ContainerId id) {
        try {
            return Files.readAllLines(file(id)).stream().filter(line -> !line.isBlank()).map(EndpointRecords::parse).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SystemCallFailedException("read endpoint record", file(id).toString(), e.getMessage(), e);
        }
    }

    /** Every recorded container with its published ports. */
    Map<ContainerId, List<PortMapping>> all() {
        Map<ContainerId, List<PortMapping>> all = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                ContainerId id;
                try {
                    id = new ContainerId(file.getFileName().toString());
                } catch (InvalidSpecException e) {
                    continue;
                }
                all.put(id, ports(id));
            }
        } catch (IOException e) {
            throw new SystemCallFailedException("list endpoint records in", dir.toString(), e.getMessage(), e);
        }
        return all;
    }

    void delete(ContainerId id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new SystemCallFailedException("delete endpoint record", file(id).toString(), e.getMessage(), e);
        }
    }

    private Path file(ContainerId id) {
        return dir.resolve(id.value());
    }

    private static PortMapping parse(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 4) {
            throw new InvalidSpecException("invalid port record " + line);
        }
        return new PortMapping(PortMapping.Protocol.valueOf(fields[0].toUpperCase(Locale.ROOT)), Ipv4Address.parse(fields[1]),
                Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
    }
}
