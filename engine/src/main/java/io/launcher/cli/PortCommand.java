package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.PortBinding;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code port}: the published ports of a container, or the host side of one of them. */
@Command(name = "port", description = "List port mappings or a specific mapping for the container")
public final class PortCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
    String privatePort;

    @Override
    public Integer call() {
        Session session = launcher.session();
        ContainerDetails details = launcher.engine().container(container);
        List<PortBinding> ports = details.network() == null ? List.of() : details.network().ports();
        if (privatePort == null) {
            ports.forEach(port -> session.out().println(PortText.line(port)));
            return 0;
        }
        String key = PortBinding.ofKey(privatePort).portKey();
        List<PortBinding> matching = ports.stream().filter(port -> port.portKey().equals(key)).toList();
        if (matching.isEmpty()) {
            session.err().println("Error: No public port '" + key + "' published for " + container);
            return Cli.ENGINE_FAILED;
        }
        matching.forEach(port -> session.out().println(PortText.host(port)));
        return 0;
    }
}
