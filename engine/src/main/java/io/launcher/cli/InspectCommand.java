package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inspect}: a JSON array of containers and images with Docker's field names; a name is
 * looked up as a container first, then as an image, unless {@code --type} says which.
 */
public final class InspectCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    String format;
    String type = "";
    List<String> names;

    InspectCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code inspect}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "inspect", "Return low-level information on containers and images")
                .option("-f --format", "FORMAT", "Format output using a Go template ('{{.State.ExitCode}}')")
                .option("--type", "TYPE", "Return JSON for the given type: container or image")
                .help()
                .operands("0..*", "1..*", "NAME|ID", null)
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--format" -> format = (String) value;
            case "--type" -> type = (String) value;
            case "NAME|ID" -> names = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        FormatTemplate template = format == null ? null : Listing.template(spec, format, "");
        Engine engine = launcher.engine();
        Session session = launcher.session();
        List<Object> found = new ArrayList<>();
        int exitCode = 0;
        for (String name : names) {
            Map<String, Object> view = find(engine, name);
            if (view == null) {
                session.err().println("Error: No such object: " + name);
                exitCode = Cli.ENGINE_FAILED;
            } else if (template != null) {
                session.out().println(template.render(view));
            } else {
                found.add(view);
            }
        }
        if (template == null) {
            session.out().println(JsonText.indented(found, "    "));
        }
        return exitCode;
    }

    private Map<String, Object> find(Engine engine, String name) {
        if (!type.equals("image")) {
            try {
                return InspectView.container(engine.container(name));
            } catch (NotFoundException notContainer) {
                if (type.equals("container")) {
                    return null;
                }
            }
        }
        try {
            return InspectView.image(engine.image(name));
        } catch (NotFoundException notImage) {
            return null;
        }
    }
}
