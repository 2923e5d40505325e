package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ContainerDetails;
import io.launcher.api.NetworkSettings;
import java.time.Instant;
import java.util.List;

/** One row of {@code GET /containers/json} in Docker's field names. */
final class ContainerSummaryJson {
    private ContainerSummaryJson() {
    }

    static ObjectNode write(ContainerDetails c, Instant now) {
        ObjectNode node = DockerJson.object();
        node.put("Id", c.id().value());
        node.put("Names", DockerJson.array(List.of("/" + c.name())));
        node.put("Image", c.config().image());
        node.put("ImageID", c.image().toString());
        node.put("Command", String.join(" ", ContainerJson.command(c.config())));
        node.put("Created", c.created().getEpochSecond());
        node.set("Ports", PortJson.summary(ContainerJson.network(c).ports(), c.config().exposedPorts()));
        node.put("Labels", DockerJson.map(c.config().labels()));
        node.put("State", c.state().status().apiName());
        node.put("Status", StatusText.of(c.state(), now));
        node.putObject("HostConfig").put("NetworkMode", c.hostConfig().networkMode().apiName());
        NetworkSettings net = ContainerJson.network(c);
        node.putObject("NetworkSettings").putObject("Networks").set(net.networkName(), ContainerJson.endpoint(net));
        node.set("Mounts", ContainerJson.mounts(c.hostConfig()));
        return node;
    }
}
