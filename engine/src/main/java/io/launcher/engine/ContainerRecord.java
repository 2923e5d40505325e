package io.launcher.engine;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.PortBinding;
import java.time.Instant;
import java.util.List;

/**
 * A container as stored in {@code containers/<id>.json}: identity, the config merged
 * with its image's defaults, host config and last known state. Times are RFC 3339 strings.
 */
record ContainerRecord(String id, String name, String created, String image, ContainerConfig config,
                       HostConfig hostConfig, StateRecord state, EndpointRecord endpoint) {

    /**
     * The container's network endpoint while it runs on the bridge; null otherwise. {@code ports}:
     * the published ports with the host ports chosen (null in records written before ports).
     */
    record EndpointRecord(String address, int prefixLength, String gateway, String macAddress, String namespace,
                          String hostInterface, List<PortBinding> ports) {

        List<PortBinding> portList() {
            return ports == null ? List.of() : ports;
        }
    }

    record StateRecord(String status, int pid, int exitCode, boolean oomKilled, String error, String startedAt,
                       String finishedAt) {

        static StateRecord of(ContainerState s) {
            return new StateRecord(s.status().name(), s.pid(), s.exitCode(), s.oomKilled(), s.error(),
                    s.startedAt().toString(), s.finishedAt().toString());
        }

        ContainerState toState() {
            return new ContainerState(ContainerStatus.valueOf(status), pid, exitCode, oomKilled, error,
                    Instant.parse(startedAt), Instant.parse(finishedAt));
        }
    }

    ContainerRecord withState(ContainerState newState) {
        return new ContainerRecord(id, name, created, image, config, hostConfig, StateRecord.of(newState), endpoint);
    }

    ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, created, image, config, hostConfig, state, endpoint);
    }

    ContainerRecord withEndpoint(EndpointRecord newEndpoint) {
        return new ContainerRecord(id, name, created, image, config, hostConfig, state, newEndpoint);
    }
}
