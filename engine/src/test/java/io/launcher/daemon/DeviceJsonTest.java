package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.DeviceMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HostConfig.Devices and DeviceCgroupRules over the Docker Engine API, as the docker CLI sends them. */
class DeviceJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createReadsDevicesAndRules() throws Exception {
        CreateBody body = CreateBody.read(json.readTree("{\"Image\":\"base\",\"HostConfig\":{\"Devices\":[{\"PathOnHost\":"
                + "\"/dev/null\",\"PathInContainer\":\"/dev/mynull\",\"CgroupPermissions\":\"r\"}],"
                + "\"DeviceCgroupRules\":[\"c 1:3 rwm\"]}}"));
        assertEquals(List.of(new DeviceMapping("/dev/null", "/dev/mynull", "r")), body.hostConfig().devices());
        assertEquals(List.of("c 1:3 rwm"), body.hostConfig().deviceCgroupRules());
    }

    /** Docker shows [] and null for a container without them; nulls and gaps in a request are defaults. */
    @Test
    void noneAreAnEmptyListAndNull() throws Exception {
        JsonNode host = ContainerJson.hostConfig(CreateBody.read(json.readTree(
                "{\"Image\":\"base\",\"HostConfig\":{\"Devices\":null,\"DeviceCgroupRules\":null}}")).hostConfig());
        assertTrue(host.get("Devices").isArray() && host.get("Devices").isEmpty(), host.toString());
        assertTrue(host.get("DeviceCgroupRules").isNull(), host.toString());
        CreateBody partial = CreateBody.read(json.readTree(
                "{\"Image\":\"base\",\"HostConfig\":{\"Devices\":[{\"PathOnHost\":\"/dev/fuse\"}]}}"));
        assertEquals(List.of(new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm")), partial.hostConfig().devices());
    }
}
