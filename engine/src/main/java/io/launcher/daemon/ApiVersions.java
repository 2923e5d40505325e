package io.launcher.daemon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Docker Engine API versions served, and the version prefix of request paths. */
public final class ApiVersions {
    /** The newest API version served; the docker CLI negotiates down from it. */
    public static final String CURRENT = "1.47";
    public static final String MINIMUM = "1.24";
    /** Compares as at least 1.6.0, which Testcontainers requires. */
    public static final String ENGINE_VERSION = "25.0.0+launcher.0.1.0";

    private static final Pattern PREFIX = Pattern.compile("/v(\\d+\\.\\d+)(/.*)");

    private ApiVersions() {
    }

    /** A path without its {@code /v1.NN} prefix, with the version it asked for (current when none). */
    public record VersionedPath(String version, String path) {
    }

    public static VersionedPath split(String path) {
        Matcher m = PREFIX.matcher(path);
        return m.matches() ? new VersionedPath(m.group(1), m.group(2)) : new VersionedPath(CURRENT, path);
    }

    /** Whether {@code version} is at least {@code other}, comparing {@code major.minor} numerically. */
    public static boolean atLeast(String version, String other) {
        String[] a = version.split("\\.");
        String[] b = other.split("\\.");
        int major = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return major != 0 ? major > 0 : Integer.parseInt(a[1]) >= Integer.parseInt(b[1]);
    }
}
