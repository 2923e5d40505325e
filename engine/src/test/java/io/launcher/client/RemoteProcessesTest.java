package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerStatus;
import io.launcher.api.DiskUsage;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ProcessList;
import io.launcher.daemon.ApiServerExtension;
import io.launcher.daemon.DockerMapper;
import io.launcher.daemon.FakeEngine;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** top, pause, unpause and system df through the API server and back into the client. */
class RemoteProcessesTest {
    private final FakeEngine fake = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(fake);
    private RemoteEngine remote;

    @BeforeEach
    void start() throws IOException {
        remote = RemoteEngine.connect(api.socket());
    }

    private JsonNode get(String target) throws IOException {
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("GET", target, new Headers(), new byte[0]);
            assertEquals(200, response.status());
            return DockerMapper.MAPPER.readTree(response.bodyText());
        }
    }

    private String running(String name) {
        remote.create(Optional.of(name), ContainerConfig.of("base", List.of("sleep", "9")), HostConfig.DEFAULT);
        remote.start(name);
        return name;
    }

    @Test
    void topCarriesPsArgsAndDockersTitlesAndProcesses() throws IOException {
        String c = running("top1");
        ProcessList list = remote.top(c, "-o pid,args");
        assertEquals("-o pid,args", fake.lastPsArgs);
        assertEquals(List.of("PID", "CMD"), list.titles());
        assertEquals(List.of(List.of("10", "sleep 9"), List.of("11", "sh")), list.processes());
        JsonNode raw = get("/v1.47/containers/top1/top?ps_args=aux");
        assertEquals("aux", fake.lastPsArgs);
        assertEquals("sleep 9", raw.path("Processes").path(0).path(1).asText());
        assertEquals("PID", raw.path("Titles").path(0).asText());
    }

    @Test
    void pauseAndUnpauseMoveTheStateAndRefuseTwice() {
        String c = running("p1");
        remote.pause(c);
        assertEquals(ContainerStatus.PAUSED, remote.container(c).state().status());
        assertThrows(FailedPreconditionException.class, () -> remote.pause(c));
        remote.unpause(c);
        assertEquals(ContainerStatus.RUNNING, remote.container(c).state().status());
        FailedPreconditionException twice = assertThrows(FailedPreconditionException.class, () -> remote.unpause(c));
        assertTrue(twice.getMessage().contains("is not paused"), twice.getMessage());
    }

    @Test
    void systemDfHasDockersShapeAndRoundTrips() throws IOException {
        running("df1");
        JsonNode raw = get("/system/df");
        assertEquals(5000, raw.path("LayersSize").asLong());
        assertEquals(200, raw.path("Images").path(0).path("SharedSize").asLong());
        assertEquals(1, raw.path("Images").path(0).path("Containers").asInt());
        assertEquals(100, raw.path("Containers").path(0).path("SizeRw").asLong());
        assertEquals("running", raw.path("Containers").path(0).path("State").asText());
        assertTrue(raw.path("Volumes").isArray() && raw.path("Volumes").isEmpty());
        assertTrue(raw.path("BuildCache").isArray() && raw.path("BuildCache").isEmpty());
        DiskUsage usage = remote.diskUsage();
        assertEquals(5000, usage.layersSize());
        assertEquals(List.of("base:latest", "localhost:5000/team/app:v1"), usage.images().get(0).image().repoTags());
        assertEquals(1334, usage.containers().get(0).sizeRootFs());
        assertEquals("df1", usage.containers().get(0).container().name());
    }

    @Test
    void networkAndBuildCachePrunesAnswerEmpty() throws IOException {
        for (String path : List.of("/v1.50/networks/prune", "/v1.50/build/prune")) {
            try (HttpClientConnection connection = api.connect()) {
                HttpResponse response = connection.request("POST", path, new Headers(), new byte[0]);
                assertEquals(200, response.status(), path);
                assertTrue(response.bodyText().contains("Deleted\":[]"), response.bodyText());
            }
        }
    }
}
