package io.launcher.cli;

import io.launcher.api.EngineEvent;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code events}: the engine's events, one a line, until interrupted or {@code --until} passes. */
public final class EventsCommand implements Callable<Integer>, CommandDeclaration.Fields {
    private static final DateTimeFormatter NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    final LauncherCommand launcher;

    String since;
    String until;
    List<String> filters = new ArrayList<>();
    String format;

    EventsCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code events}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "events", "Get real time events from the server")
                .option("--since", "string", "Show all events created since timestamp")
                .option("--until", "string", "Stream events until this timestamp")
                .repeated("-f --filter", "filter", "Filter output based on conditions provided")
                .option("--format", "string", "Format output using a Go template")
                .help()
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--since" -> since = (String) value;
            case "--until" -> until = (String) value;
            case "--filter" -> filters = CommandDeclaration.list(value);
            case "--format" -> format = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Instant now = launcher.session().clock().instant();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0) {
                launcher.session().err().println("invalid filter '" + filter + "'");
                return Cli.ENGINE_FAILED;
            }
            byKey.computeIfAbsent(filter.substring(0, eq), k -> new ArrayList<>()).add(filter.substring(eq + 1));
        }
        EventFilter filter = new EventFilter(Optional.ofNullable(since).map(s -> EventTime.parse(s, now)),
                Optional.ofNullable(until).map(s -> EventTime.parse(s, now)), byKey);
        FormatTemplate template = format == null ? null : FormatTemplate.parse(format);
        try (EventStream stream = launcher.engine().events(filter)) {
            for (Optional<EngineEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                launcher.session().out().println(template == null ? line(e.get()) : template.render(fields(e.get())));
                launcher.session().out().flush();
            }
        }
        return 0;
    }

    /** Docker's line: {@code <time> container start <id> (image=base, name=x)}. */
    static String line(EngineEvent event) {
        StringJoiner attributes = new StringJoiner(", ", " (", ")");
        new TreeMap<>(event.attributes()).forEach((k, v) -> attributes.add(k + "=" + v));
        return NANOS.format(event.time()) + " " + event.type() + " " + event.action() + " " + event.actorId()
                + (event.attributes().isEmpty() ? "" : attributes.toString());
    }

    /** The fields a template sees, named as in Docker's event JSON. */
    static Map<String, Object> fields(EngineEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", event.action());
        map.put("id", event.actorId());
        if (event.type().equals("container") && event.attributes().containsKey("image")) {
            map.put("from", event.attributes().get("image"));
        }
        map.put("Type", event.type());
        map.put("Action", event.action());
        map.put("Actor", Map.of("ID", event.actorId(), "Attributes", new TreeMap<>(event.attributes())));
        map.put("scope", "local");
        map.put("time", event.time().getEpochSecond());
        map.put("timeNano", event.time().getEpochSecond() * 1_000_000_000L + event.time().getNano());
        return map;
    }
}
