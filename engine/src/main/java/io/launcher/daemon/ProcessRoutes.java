package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Engine;
import io.launcher.api.ProcessList;
import java.io.IOException;
import java.util.List;

/** A running container's processes: {@code top}, {@code pause}, {@code unpause}. */
final class ProcessRoutes {
    private static final String ID = "/containers/([^/]+)";

    private final Engine engine;

    ProcessRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", ID + "/top", this::top),
                Route.of("POST", ID + "/pause", this::pause),
                Route.of("POST", ID + "/unpause", this::unpause));
    }

    private void top(ApiRequest request) throws IOException {
        ProcessList list = engine.top(request.param(0), request.query().get("ps_args", ""));
        ObjectNode body = DockerJson.object();
        body.set("Titles", DockerJson.array(list.titles()));
        ArrayNode processes = body.putArray("Processes");
        list.processes().forEach(row -> processes.add(DockerJson.array(row)));
        request.json(200, body);
    }

    private void pause(ApiRequest request) throws IOException {
        engine.pause(request.param(0));
        request.noContent(204);
    }

    private void unpause(ApiRequest request) throws IOException {
        engine.unpause(request.param(0));
        request.noContent(204);
    }
}
