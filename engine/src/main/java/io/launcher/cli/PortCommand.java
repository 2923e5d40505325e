package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.PortBinding;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code port}: the published ports of a container, or the host side of one of them. */
public final class PortCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String container;
    String privatePort;

    PortCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code port}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "port", "List port mappings or a specific mapping for the container")
                .help()
                .operand("0", "CONTAINER", null)
                .optionalOperand("1", "PRIVATE_PORT[/PROTO]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "CONTAINER" -> container = (String) value;
            case "PRIVATE_PORT[/PROTO]" -> privatePort = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
