package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Engine;
import io.launcher.api.EngineInfo;
import io.launcher.http.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /_ping}, {@code /version}, {@code /info}: what clients ask before anything else. */
final class SystemRoutes {
    private final Engine engine;

    SystemRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/_ping", this::ping),
                Route.of("GET", "/version", this::version),
                Route.of("GET", "/info", this::info));
    }

    private void ping(ApiRequest request) throws IOException {
        Headers headers = Headers.of(
                "Content-Type", "text/plain; charset=utf-8",
                "Builder-Version", "1",
                "Cache-Control", "no-cache, no-store, must-revalidate",
                "Pragma", "no-cache");
        request.exchange().respond(200, headers, "OK".getBytes(StandardCharsets.US_ASCII));
    }

    private void version(ApiRequest request) throws IOException {
        EngineInfo info = engine.info();
        ObjectNode node = DockerJson.object();
        node.putObject("Platform").put("Name", "Launcher Engine");
        ObjectNode component = node.putArray("Components").addObject();
        component.put("Name", "Engine").put("Version", ApiVersions.ENGINE_VERSION);
        component.putObject("Details")
                .put("ApiVersion", ApiVersions.CURRENT)
                .put("MinAPIVersion", ApiVersions.MINIMUM)
                .put("Os", "linux")
                .put("Arch", goArch(info.architecture()))
                .put("KernelVersion", info.kernelVersion())
                .put("Experimental", "false");
        node.put("Version", ApiVersions.ENGINE_VERSION);
        node.put("ApiVersion", ApiVersions.CURRENT);
        node.put("MinAPIVersion", ApiVersions.MINIMUM);
        node.put("GitCommit", "launcher");
        node.put("GoVersion", "java" + Runtime.version().feature());
        node.put("Os", "linux");
        node.put("Arch", goArch(info.architecture()));
        node.put("KernelVersion", info.kernelVersion());
        node.put("BuildTime", "");
        request.json(200, node);
    }

    /** Docker's /version names the architecture as Go does, /info as uname does. */
    private static String goArch(String uname) {
        return switch (uname) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> uname;
        };
    }

    private void info(ApiRequest request) throws IOException {
        request.json(200, EngineInfoJson.write(engine.info()));
    }
}
