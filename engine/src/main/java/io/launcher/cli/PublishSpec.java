package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.PortBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code -p/--publish} spec as Docker writes it: {@code [ip:][hostPort:]containerPort[/proto]},
 * ports possibly ranges ({@code 8000-8010}). An empty host port means "pick a free one".
 */
public record PublishSpec(String hostIp, String hostPort, String containerPort, String protocol) {
    private static final Pattern SPEC = Pattern.compile(
            "(?:(?<ip>\\[[0-9a-fA-F:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(?<host>\\d*(?:-\\d+)?):)?(?<container>\\d+(?:-\\d+)?)(?:/(?<proto>tcp|udp|sctp))?");

    public static PublishSpec parse(String text) {
        Matcher matcher = SPEC.matcher(text);
        if (!matcher.matches()) {
            throw new TypeConversionException("invalid publish spec: " + text);
        }
        String container = matcher.group("container");
        String host = matcher.group("host") == null ? "" : matcher.group("host");
        checkRange(text, container);
        if (!host.isEmpty()) {
            checkRange(text, host);
        }
        String ip = matcher.group("ip") == null ? "" : matcher.group("ip");
        String proto = matcher.group("proto") == null ? "tcp" : matcher.group("proto");
        PublishSpec spec = new PublishSpec(ip, host, container, proto);
        spec.bindings();
        return spec;
    }

    /**
     * The engine's bindings: one per container port of the range, paired with the host range when
     * one is given (of the same length, as Docker requires), else on a port the engine picks.
     */
    public List<PortBinding> bindings() {
        int[] container = ends(containerPort);
        int[] host = hostPort.isEmpty() ? null : ends(hostPort);
        int count = container[1] - container[0] + 1;
        if (host != null && host[1] - host[0] + 1 != count) {
            throw new TypeConversionException("invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
        }
        PortBinding.Protocol proto;
        try {
            proto = PortBinding.Protocol.parse(protocol);
        } catch (InvalidSpecException e) {
            throw new TypeConversionException("invalid proto: " + protocol + " (only tcp and udp can be published)");
        }
        String ip = hostIp.startsWith("[") ? hostIp.substring(1, hostIp.length() - 1) : hostIp;
        List<PortBinding> bindings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bindings.add(new PortBinding(proto, ip, host == null ? 0 : host[0] + i, container[0] + i));
        }
        return bindings;
    }

    private static int[] ends(String ports) {
        String[] parts = ports.split("-");
        int first = Integer.parseInt(parts[0]);
        return new int[] {first, parts.length == 2 ? Integer.parseInt(parts[1]) : first};
    }

    private static void checkRange(String text, String ports) {
        String[] ends = ports.split("-");
        for (String end : ends) {
            int port = Integer.parseInt(end);
            if (port < 1 || port > 65535) {
                throw new TypeConversionException("invalid port " + end + " in publish spec " + text);
            }
        }
        if (ends.length == 2 && Integer.parseInt(ends[1]) < Integer.parseInt(ends[0])) {
            throw new TypeConversionException("invalid port range " + ports + " in publish spec " + text);
        }
    }

    /** Picocli's hook: a bad spec is a bad flag (exit 125). */
    public static final class Converter implements ITypeConverter<PublishSpec> {
        @Override
        public PublishSpec convert(String value) {
            return parse(value);
        }
    }
}
