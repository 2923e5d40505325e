package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code inspect}: a JSON array of containers and images with Docker's field names; a name is
 * looked up as a container first, then as an image, unless {@code --type} says which.
 */
@Command(name = "inspect", description = "Return low-level information on containers and images")
public final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format output using a Go template ('{{.State.ExitCode}}')")
    String format;

    @Option(names = "--type", paramLabel = "TYPE", description = "Return JSON for the given type: container or image")
    String type = "";

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "NAME|ID")
    List<String> names;

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
