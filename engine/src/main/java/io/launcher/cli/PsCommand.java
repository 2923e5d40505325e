package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ps}: Docker's container table, newest first. */
@Command(name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = {"-n", "--last"}, paramLabel = "INT", description = "Show n last created containers (includes all states)")
    int last = -1;

    @Option(names = {"-l", "--latest"}, description = "Show the latest created container (includes all states)")
    boolean latest;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format output using a Go template ('table', '{{json .}}', '{{.ID}}')")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter output: id, name, label, status, exited, ancestor")
    List<String> filters = new ArrayList<>();

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

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
        containers.sort(Comparator.comparing(ContainerDetails::created).reversed());
        if (limit >= 0 && containers.size() > limit) {
            containers = containers.subList(0, limit);
        }
        Instant now = launcher.session().clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContainerDetails container : containers) {
            rows.add(ContainerRow.of(container, now, !noTrunc));
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
}
