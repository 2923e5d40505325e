package io.launcher.engine;

import io.launcher.api.ContainerConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.spi.network.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ports a container publishes: its explicit bindings, and with {@code -P} every exposed port
 * (the image's and the container's) that no binding names yet, on a host port the engine picks.
 */
final class PublishedPorts {
    private PublishedPorts() {
    }

    static List<PortBinding> wanted(ContainerConfig config, HostConfig host) {
        if (host.networkMode() != NetworkMode.BRIDGE) {
            // Docker drops published ports in the host's and in no network namespace.
            return List.of();
        }
        List<PortBinding> wanted = new ArrayList<>(host.portBindings());
        if (host.publishAllPorts()) {
            Set<String> named = new LinkedHashSet<>();
            host.portBindings().forEach(b -> named.add(b.portKey()));
            for (String key : config.exposedPorts()) {
                PortBinding exposed = PortBinding.ofKey(key);
                if (named.add(exposed.portKey())) {
                    wanted.add(exposed);
                }
            }
        }
        return wanted;
    }

    /** Refuses, at create, what could never be published: host addresses that are not IPv4. */
    static void check(HostConfig host) {
        for (PortBinding binding : host.portBindings()) {
            if (!binding.hostIp().isEmpty()) {
                try {
                    Ipv4Address.parse(binding.hostIp());
                } catch (InvalidSpecException e) {
                    throw new InvalidSpecException("invalid host IP " + binding.hostIp() + " for port " + binding.portKey()
                            + ": only IPv4 addresses can be published");
                }
            }
        }
    }

    /** Docker's keys ({@code 80/tcp}) of the ports the image and the container expose, once each. */
    static List<String> exposed(List<String> image, List<String> container) {
        Set<String> keys = new LinkedHashSet<>();
        image.forEach(k -> keys.add(PortBinding.ofKey(k).portKey()));
        container.forEach(k -> keys.add(PortBinding.ofKey(k).portKey()));
        return List.copyOf(keys);
    }
}
