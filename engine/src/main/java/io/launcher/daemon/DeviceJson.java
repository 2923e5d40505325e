package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.launcher.api.DeviceMapping;
import java.util.ArrayList;
import java.util.List;

/** Docker's {@code HostConfig.Devices}: {@code [{"PathOnHost","PathInContainer","CgroupPermissions"}]}. */
final class DeviceJson {

    private DeviceJson() {
    }

    static List<DeviceMapping> read(JsonNode devices) {
        List<DeviceMapping> mappings = new ArrayList<>();
        if (devices != null && devices.isArray()) {
            for (JsonNode device : devices) {
                mappings.add(new DeviceMapping(DockerJson.text(device, "PathOnHost"),
                        DockerJson.text(device, "PathInContainer"), DockerJson.text(device, "CgroupPermissions")));
            }
        }
        return mappings;
    }

    /** Docker writes [] when there are none. */
    static ArrayNode write(List<DeviceMapping> devices) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (DeviceMapping device : devices) {
            array.addObject().put("PathOnHost", device.pathOnHost()).put("PathInContainer", device.pathInContainer())
                    .put("CgroupPermissions", device.cgroupPermissions());
        }
        return array;
    }
}
