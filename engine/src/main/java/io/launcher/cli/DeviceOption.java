package io.launcher.cli;

import io.launcher.api.DeviceMapping;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --device=HOST[:CONTAINER][:PERMISSIONS]} and {@code --device-cgroup-rule}, checked and
 * split as the docker CLI does (its validateLinuxPath and parseLinuxDevice): a second part that
 * is a valid mode is the permissions, else the container path; the container path must be
 * absolute; permissions are a non-empty subset of rwm, each letter once.
 */
final class DeviceOption {
    private static final Pattern MODE = Pattern.compile("(?!.*(.).*\\1)[rwm]{1,3}");
    private static final Pattern CGROUP_RULE = Pattern.compile("([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})");

    private DeviceOption() {
    }

    static DeviceMapping parse(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw new TypeConversionException("bad format for path: " + value);
        }
        String host = parts[0];
        String container = host;
        String permissions = "rwm";
        if (parts.length == 2 && MODE.matcher(parts[1]).matches()) {
            permissions = parts[1];
        } else if (parts.length >= 2) {
            container = parts[1];
        }
        if (parts.length == 3) {
            if (!MODE.matcher(parts[2]).matches()) {
                throw new TypeConversionException("bad mode specified: " + parts[2]);
            }
            permissions = parts[2];
        }
        if (!container.startsWith("/")) {
            throw new TypeConversionException(container + " is not an absolute path");
        }
        return new DeviceMapping(host, container, permissions);
    }

    /** picocli's hook for {@code --device}. */
    static final class Converter implements ITypeConverter<DeviceMapping> {
        @Override
        public DeviceMapping convert(String value) {
            return parse(value);
        }
    }

    /** picocli's hook for {@code --device-cgroup-rule}: the text travels as given once checked. */
    static final class RuleConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!CGROUP_RULE.matcher(value).matches()) {
                throw new TypeConversionException("invalid device cgroup format '" + value + "'");
            }
            return value;
        }
    }
}
