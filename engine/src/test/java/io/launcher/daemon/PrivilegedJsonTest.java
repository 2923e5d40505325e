package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HostConfig.Privileged and the exec's Privileged over the Docker Engine API, as the docker CLI sends them. */
class PrivilegedJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createReadsHostConfigPrivilegedAndInspectShowsIt() throws Exception {
        CreateBody body = CreateBody.read(json.readTree("{\"Image\":\"base\",\"HostConfig\":{\"Privileged\":true}}"));
        assertTrue(body.hostConfig().privileged());
        assertTrue(ContainerJson.hostConfig(body.hostConfig()).get("Privileged").asBoolean());
        assertFalse(CreateBody.read(json.readTree("{\"Image\":\"base\",\"HostConfig\":{\"Privileged\":null}}"))
                .hostConfig().privileged());
        assertFalse(ContainerJson.hostConfig(CreateBody.read(json.readTree("{\"Image\":\"base\"}")).hostConfig())
                .get("Privileged").asBoolean());
    }

    @Test
    void execCreateReadsPrivilegedAndInspectShowsIt() throws Exception {
        ExecConfig config = ExecJson.readConfig(json.readTree("{\"Cmd\":[\"id\"],\"Privileged\":true}"));
        assertTrue(config.privileged());
        assertTrue(ExecJson.readConfig(ExecJson.writeConfig(config)).privileged(), "the client sends what it was given");
        ExecDetails details = new ExecDetails("e1", ContainerId.random(), config, false, 0, 0);
        assertEquals(true, ExecJson.writeDetails(details).get("ProcessConfig").get("privileged").asBoolean());
        assertTrue(ExecJson.readDetails(ExecJson.writeDetails(details)).config().privileged());
        assertFalse(ExecJson.readConfig(json.readTree("{\"Cmd\":[\"id\"]}")).privileged());
        assertEquals(List.of("id"), config.cmd());
    }
}
