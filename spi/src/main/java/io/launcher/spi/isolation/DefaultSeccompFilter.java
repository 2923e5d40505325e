package io.launcher.spi.isolation;

import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Docker's default seccomp profile ({@link SeccompProfile#DEFAULT}) as a {@link SeccompFilter},
 * for a backend to compile as it compiles a custom profile: an allow list whose default action is
 * EPERM, so a call the profile does not name (one newer than it, or a number no call has) fails.
 * The names are data, {@code default-seccomp.profile} beside this class: the calls always
 * allowed, and those a capability lifts (Docker's {@code includes.caps}). The rules on arguments
 * are here, as Docker states them:
 * <ul>
 *   <li>{@code socket} unless its domain is AF_VSOCK;</li>
 *   <li>{@code personality} for Docker's five personas only (PER_LINUX, PER_LINUX32, their
 *       UNAME26 forms, and the query 0xffffffff);</li>
 *   <li>without CAP_SYS_ADMIN: {@code clone} without a CLONE_NEW* flag, and {@code clone3} fails
 *       with ENOSYS (its flags are in memory, out of a filter's reach) so that libc falls back to
 *       {@code clone}.</li>
 * </ul>
 */
public final class DefaultSeccompFilter {
    /** The group of the profile file that needs no capability. */
    private static final String ALWAYS = "allow";
    /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID and NEWNET. */
    private static final long NAMESPACE_FLAGS = 0x7E020000L;
    private static final int AF_VSOCK = 40;
    private static final long[] PERSONAS = {0x0L, 0x8L, 0x20000L, 0x20008L, 0xffffffffL};
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    /**
     * The ABIs Docker's archMap gives the host: x86_64 brings i386 and x32, aarch64 brings arm
     * (32-bit EABI), so a 32-bit binary runs under the profile as it does under Docker's.
     */
    private static final List<String> ARCHITECTURES = "aarch64".equals(System.getProperty("os.arch"))
            ? List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM")
            : List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");

    /** Compiled once: the loader checks every name of the file, on the first container's path. */
    private static final Pattern CALL_NAME = Pattern.compile("[a-z0-9_]+");
    /** Group (ALWAYS or a capability) to its names, in the file's order. */
    private static final Map<String, List<String>> GROUPS = load("default-seccomp.profile");

    private DefaultSeccompFilter() {
    }

    /** The filter for a container that keeps {@code capabilities} (names as {@link Capabilities} spells them). */
    public static SeccompFilter forCapabilities(Set<String> capabilities) {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            if (group.getKey().equals(ALWAYS) || capabilities.contains(group.getKey())) {
                rules.add(new Rule(group.getValue(), Action.ALLOW, List.of()));
            }
        }
        rules.add(new Rule(List.of("socket"), Action.ALLOW, List.of(new Condition(0, AF_VSOCK, 0, Op.NE))));
        for (long persona : PERSONAS) {
            rules.add(new Rule(List.of("personality"), Action.ALLOW, List.of(new Condition(0, persona, 0, Op.EQ))));
        }
        if (!capabilities.contains("CAP_SYS_ADMIN")) {
            rules.add(new Rule(List.of("clone"), Action.ALLOW,
                    List.of(new Condition(0, NAMESPACE_FLAGS, 0, Op.MASKED_EQ))));
            rules.add(new Rule(List.of("clone3"), Action.errno(ENOSYS), List.of()));
        }
        return new SeccompFilter(Action.errno(EPERM), ARCHITECTURES, rules);
    }

    private static Map<String, List<String>> load(String resource) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = DefaultSeccompFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (line.startsWith("#") || colon < 0) {
                    continue;
                }
                String group = line.substring(0, colon).strip();
                List<String> names = groups.get(group);
                if (names == null) {
                    names = new ArrayList<>();
                    groups.put(group, names);
                }
                for (String name : line.substring(colon + 1).split(" ")) {
                    if (!name.isEmpty() && !CALL_NAME.matcher(name).matches()) {
                        // a comment run into a name ("writev# ...") would silently drop that call
                        throw new IllegalStateException("bad call name \"" + name + "\" in " + resource);
                    }
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + resource, e);
        }
        for (Map.Entry<String, List<String>> entry : groups.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        return Collections.unmodifiableMap(groups);
    }
}
