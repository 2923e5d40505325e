package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code ps}: Docker's container table, newest first. */
public final class PsCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    boolean all;
    boolean quiet;
    boolean noTrunc;
    int last = -1;
    boolean latest;
    String format;
    List<String> filters = new ArrayList<>();

    PsCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code ps}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "ps", "List containers")
                .flag("-a --all", "Show all containers (default shows just running)")
                .flag("-q --quiet", "Only display container IDs")
                .flag("--no-trunc", "Don't truncate output")
                .option("-n --last", "INT", "Show n last created containers (includes all states)", int.class)
                .flag("-l --latest", "Show the latest created container (includes all states)")
                .option("--format", "FORMAT", "Format output using a Go template ('table', '{{json .}}', '{{.ID}}')")
                .repeated("-f --filter", "KEY=VALUE", "Filter output: id, name, label, status, exited, ancestor")
                .help()
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--all" -> all = (Boolean) value;
            case "--quiet" -> quiet = (Boolean) value;
            case "--no-trunc" -> noTrunc = (Boolean) value;
            case "--last" -> last = (Integer) value;
            case "--latest" -> latest = (Boolean) value;
            case "--format" -> format = (String) value;
            case "--filter" -> filters = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        FormatTemplate template = Listing.template(spec, quiet ? "{{.ID}}" : format, ContainerRow.DEFAULT_FORMAT);
        ContainerFilter filter = filter();
        int limit = latest ? 1 : last;
        List<ContainerDetails> containers = new ArrayList<>();
        for (ContainerDetails container : launcher.engine().containers(all || limit > 0 || filter.wantsStopped())) {
            if (filter.test(container)) {
                containers.add(container);
            }
        }
        containers.sort(new NewestFirst());
        if (limit >= 0 && containers.size() > limit) {
            containers = containers.subList(0, limit);
        }
        Instant now = launcher.session().clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContainerDetails container : containers) {
            rows.add(ContainerRow.of(container, now, !noTrunc, template));
        }
        Listing.print(launcher.session().out(), rows, template, ContainerRow.TITLES);
        return 0;
    }

    private ContainerFilter filter() {
        try {
            return ContainerFilter.parse(filters);
        } catch (IllegalArgumentException problem) {
            throw new ParameterException(spec.commandLine(), problem.getMessage(), problem);
        }
    }

    /**
     * Newest first, as Docker lists them: a class, not {@code Comparator.comparing(...).reversed()},
     * whose lambdas the JVM links (and one it generates, outside the class-data archive) on each call.
     */
    private static final class NewestFirst implements Comparator<ContainerDetails> {
        @Override
        public int compare(ContainerDetails a, ContainerDetails b) {
            return b.created().compareTo(a.created());
        }
    }
}
