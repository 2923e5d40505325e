package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.EngineEvent;
import io.launcher.api.EventStream;
import io.launcher.api.InternalException;
import io.launcher.daemon.DockerJson;
import io.launcher.daemon.JsonTrees;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code /events}: one JSON object a line until the daemon ends the response. */
final class RemoteEventStream implements EventStream {
    private final Closeable connection;
    private final BufferedReader in;

    RemoteEventStream(Closeable connection, InputStream body) {
        this.connection = connection;
        this.in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<EngineEvent> next() throws InterruptedException {
        try {
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.isBlank());
            return line == null ? Optional.empty() : Optional.of(parse(JsonTrees.read(line)));
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("interrupted while reading the events");
        } catch (IOException e) {
            throw new InternalException("unable to read the events: " + e.getMessage(), e);
        }
    }

    static EngineEvent parse(JsonNode node) {
        JsonNode actor = node.path("Actor");
        Map<String, String> attributes = new HashMap<>();
        actor.path("Attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        long nanos = node.path("timeNano").asLong();
        return new EngineEvent(node.path("Type").asText(), node.path("Action").asText(), actor.path("ID").asText(),
                attributes, Instant.ofEpochSecond(0, nanos));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the stream is abandoned either way
        }
    }
}
