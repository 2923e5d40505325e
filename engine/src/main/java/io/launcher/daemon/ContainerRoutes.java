package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.Engine;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.WaitCondition;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** The container lifecycle: create, start, stop, kill, wait, remove, inspect, list. */
final class ContainerRoutes {
    private static final String ID = "/containers/([^/]+)";

    private final Engine engine;
    private final Supplier<String> storageDriver;

    ContainerRoutes(Engine engine, Supplier<String> storageDriver) {
        this.engine = engine;
        this.storageDriver = storageDriver;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/containers/create", this::create),
                Route.of("GET", "/containers/json", this::list),
                Route.of("POST", ID + "/start", this::start),
                Route.of("POST", ID + "/stop", this::stop),
                Route.of("POST", ID + "/kill", this::kill),
                Route.of("POST", ID + "/restart", this::restart),
                Route.of("POST", ID + "/resize", this::resize),
                Route.of("POST", ID + "/rename", this::rename),
                Route.of("POST", ID + "/wait", this::await),
                Route.of("GET", ID + "/json", this::inspect),
                Route.of("DELETE", ID, this::remove));
    }

    private void create(ApiRequest request) throws IOException {
        CreateBody body = CreateBody.read(request.jsonBody());
        Optional<String> name = request.query().first("name")
                .map(n -> n.startsWith("/") ? n.substring(1) : n)
                .filter(n -> !n.isEmpty());
        ContainerId id = engine.create(name, body.config(), body.hostConfig());
        ObjectNode answer = DockerJson.object().put("Id", id.value());
        answer.putArray("Warnings");
        request.json(201, answer);
    }

    private void start(ApiRequest request) throws IOException {
        String container = request.param(0);
        ContainerState state = engine.container(container).state();
        if (state.running() && state.status() != ContainerStatus.PAUSED) {
            request.noContent(304);
            return;
        }
        engine.start(container);
        request.noContent(204);
    }

    private void stop(ApiRequest request) throws IOException {
        String container = request.param(0);
        if (!engine.container(container).state().running()) {
            request.noContent(304);
            return;
        }
        engine.stop(container, timeout(request));
        request.noContent(204);
    }

    private void restart(ApiRequest request) throws IOException {
        engine.restart(request.param(0), timeout(request));
        request.noContent(204);
    }

    /** The docker CLI sends a TTY's size after attaching and again on every window change. */
    private void resize(ApiRequest request) throws IOException {
        engine.resize(request.param(0), TerminalSize.rows(request), TerminalSize.columns(request));
        request.text(200, "");
    }

    private void rename(ApiRequest request) throws IOException {
        String name = request.query().get("name", "");
        if (name.isEmpty()) {
            throw new InvalidSpecException("Neither old nor new names may be empty");
        }
        engine.rename(request.param(0), name.startsWith("/") ? name.substring(1) : name);
        request.noContent(204);
    }

    private static int timeout(ApiRequest request) {
        long timeout = request.query().number("t", 10);
        return (int) Math.max(0, Math.min(timeout, Integer.MAX_VALUE));
    }

    private void kill(ApiRequest request) throws IOException {
        engine.kill(request.param(0), request.query().get("signal", "KILL"));
        request.noContent(204);
    }

    /**
     * The docker CLI asks for the wait before it starts the container and keeps the call open:
     * the head goes out once the wait is registered (the CLI starts the container when it has
     * the head, and a short run can end before a wait registered later), the body when the
     * condition holds.
     */
    private void await(ApiRequest request) throws IOException, InterruptedException {
        String container = request.param(0);
        WaitCondition condition = WaitCondition.parse(request.query().get("condition", ""));
        engine.container(container);
        CompletableFuture<Integer> status = engine.awaitLater(container, condition);
        OutputStream out = request.stream("application/json");
        ObjectNode answer = DockerJson.object();
        try {
            answer.put("StatusCode", status.get());
            answer.putNull("Error");
        } catch (ExecutionException e) {
            answer.put("StatusCode", -1);
            answer.putObject("Error").put("Message", "unable to wait for " + container + ": " + e.getCause().getMessage());
        }
        out.write(DockerMapper.MAPPER.writeValueAsBytes(answer));
        out.write('\n');
        out.close();
    }

    private void inspect(ApiRequest request) throws IOException {
        request.json(200, ContainerJson.inspect(engine.container(request.param(0)), storageDriver.get()));
    }

    private void remove(ApiRequest request) throws IOException {
        engine.remove(request.param(0), request.query().flag("force"));
        request.noContent(204);
    }

    private void list(ApiRequest request) throws IOException {
        ContainerFilters filters = ContainerFilters.parse(request.query().get("filters", ""));
        boolean all = request.query().flag("all") || filters.selectsStatus();
        long limit = request.query().number("limit", -1);
        Instant now = Instant.now();
        ArrayNode array = DockerMapper.MAPPER.createArrayNode();
        // Newest first, as docker ps lists them.
        List<ContainerDetails> containers = engine.containers(all).stream()
                .sorted(Comparator.comparing(ContainerDetails::created).reversed())
                .toList();
        for (ContainerDetails c : containers) {
            if (filters.test(c) && (limit <= 0 || array.size() < limit)) {
                array.add(ContainerSummaryJson.write(c, now));
            }
        }
        request.json(200, array);
    }
}
