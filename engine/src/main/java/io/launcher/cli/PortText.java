package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Ports as Docker's CLI prints them: {@code 0.0.0.0:8080->80/tcp} in ps, {@code 80/tcp -> 0.0.0.0:8080} in port. */
final class PortText {
    private PortText() {
    }

    /** The PORTS column: each published port, then each exposed one that is not published. */
    static String column(ContainerDetails container) {
        List<String> parts = new ArrayList<>();
        Set<String> published = new LinkedHashSet<>();
        List<PortBinding> ports = container.network() == null ? List.of() : container.network().ports();
        for (PortBinding port : ports) {
            parts.add(port.hostIp() + ":" + port.hostPort() + "->" + port.portKey());
            published.add(port.portKey());
        }
        if (container.state().running()) {
            container.config().exposedPorts().stream().filter(key -> !published.contains(key)).forEach(parts::add);
        }
        return String.join(", ", parts);
    }

    /** One line of {@code port}: the container side, then the host side. */
    static String line(PortBinding port) {
        return port.portKey() + " -> " + host(port);
    }

    static String host(PortBinding port) {
        return port.hostIp() + ":" + port.hostPort();
    }
}
