package io.launcher.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code -p/--publish} spec as Docker writes it: {@code [ip:][hostPort:]containerPort[/proto]},
 * ports possibly ranges ({@code 8000-8010}). An empty host port means "pick a free one".
 */
public record PortBinding(String hostIp, String hostPort, String containerPort, String protocol) {
    private static final Pattern SPEC = Pattern.compile(
            "(?:(?<ip>\\[[0-9a-fA-F:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(?<host>\\d*(?:-\\d+)?):)?(?<container>\\d+(?:-\\d+)?)(?:/(?<proto>tcp|udp|sctp))?");

    public static PortBinding parse(String text) {
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
        return new PortBinding(ip, host, container, proto);
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
    public static final class Converter implements ITypeConverter<PortBinding> {
        @Override
        public PortBinding convert(String value) {
            return parse(value);
        }
    }
}
