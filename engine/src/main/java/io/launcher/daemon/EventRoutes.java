package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Engine;
import io.launcher.api.EngineEvent;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.ImageDeletion;
import io.launcher.api.PruneReport;
import io.launcher.http.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /events} (a JSON object a line, streamed until the client goes or {@code until} passes) and the prunes. */
final class EventRoutes {
    private final Engine engine;

    EventRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/events", this::events),
                Route.of("POST", "/containers/prune", this::pruneContainers),
                Route.of("POST", "/images/prune", this::pruneImages),
                Route.of("POST", "/volumes/prune", r -> r.json(200, emptyPrune("VolumesDeleted").put("SpaceReclaimed", 0))));
    }

    private void events(ApiRequest request) throws IOException, InterruptedException {
        Query query = request.query();
        EventFilter filter = new EventFilter(time(query.get("since", "")), time(query.get("until", "")),
                filters(query.get("filters", "")));
        try (EventStream stream = engine.events(filter)) {
            OutputStream out = request.stream("application/json");
            out.flush();
            for (Optional<EngineEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                byte[] line = DockerMapper.MAPPER.writeValueAsBytes(json(e.get()));
                out.write(line);
                out.write('\n');
                out.flush();
            }
            out.close();
        }
    }

    private void pruneContainers(ApiRequest request) throws IOException {
        String filters = request.query().get("filters", "");
        PruneReport report = FilteredPrune.hasFilters(filters) ? FilteredPrune.containers(engine, filters)
                : engine.pruneContainers();
        ObjectNode body = DockerJson.object();
        ArrayNode ids = body.putArray("ContainersDeleted");
        report.containersDeleted().forEach(ids::add);
        body.put("SpaceReclaimed", report.spaceReclaimed());
        request.json(200, body);
    }

    private void pruneImages(ApiRequest request) throws IOException {
        Map<String, List<String>> filters = filters(request.query().get("filters", ""));
        boolean all = filters.getOrDefault("dangling", List.of("true")).stream()
                .anyMatch(v -> v.equals("false") || v.equals("0"));
        PruneReport report = filters.containsKey("label") || !filters.keySet().stream().allMatch("dangling"::equals)
                ? FilteredPrune.images(engine, filters) : engine.pruneImages(all);
        ObjectNode body = DockerJson.object();
        ArrayNode deleted = body.putArray("ImagesDeleted");
        for (ImageDeletion d : report.imagesDeleted()) {
            deleted.addObject().put(d.kind() == ImageDeletion.Kind.UNTAGGED ? "Untagged" : "Deleted", d.name());
        }
        body.put("SpaceReclaimed", report.spaceReclaimed());
        request.json(200, body);
    }

    /** Volumes are only bind mounts here: there is never one to prune. */
    private static ObjectNode emptyPrune(String field) {
        ObjectNode body = DockerJson.object();
        body.putArray(field);
        return body;
    }

    /** Docker's event JSON: the old status/id/from fields for containers and images, then the new ones. */
    static ObjectNode json(EngineEvent event) {
        ObjectNode node = DockerJson.object();
        if (event.type().equals("container") || event.type().equals("image")) {
            node.put("status", event.action());
            node.put("id", event.actorId());
            if (event.attributes().containsKey("image") && event.type().equals("container")) {
                node.put("from", event.attributes().get("image"));
            }
        }
        node.put("Type", event.type());
        node.put("Action", event.action());
        ObjectNode actor = node.putObject("Actor");
        actor.put("ID", event.actorId());
        ObjectNode attributes = actor.putObject("Attributes");
        new java.util.TreeMap<>(event.attributes()).forEach(attributes::put);
        node.put("scope", "local");
        node.put("time", event.time().getEpochSecond());
        node.put("timeNano", event.time().getEpochSecond() * 1_000_000_000L + event.time().getNano());
        return node;
    }

    private static Optional<Instant> time(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(DockerTime.parseUnix(text));
    }

    private static Map<String, List<String>> filters(String json) throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (!json.isBlank()) {
            JsonNode root = DockerMapper.MAPPER.readTree(json);
            root.fields().forEachRemaining(e -> filters.put(e.getKey(), ContainerFilters.values(e.getValue())));
        }
        return filters;
    }
}
