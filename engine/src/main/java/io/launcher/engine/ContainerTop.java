package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.ProcessList;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.isolation.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Docker's {@code top}: runs the host's {@code ps} and keeps the rows of the container's
 * processes, those in the pid namespace of its init (the init's descendants and the execs, which
 * the backends place there; a backend-neutral test where dockerd asks containerd's cgroup).
 */
final class ContainerTop {
    private static final Pattern RENAMED_PID = Pattern.compile("\\s+(\\S*)=\\s*(PID\\S*)");
    private static final Pattern ASCII_SPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
    private static final long PS_TIMEOUT_SECONDS = 30;

    private ContainerTop() {
    }

    static ProcessList of(ContainerEntry entry, String psArgs) {
        String args = psArgs.isEmpty() ? "-ef" : psArgs;
        validate(args);
        Sandbox sandbox = entry.sandbox();
        int init = sandbox == null ? 0 : sandbox.pid();
        if (init <= 0 || !entry.running()) {
            throw new FailedPreconditionException("Container " + entry.id() + " is not running");
        }
        Set<Integer> pids = namespaceMembers(init);
        List<String> command = new ArrayList<>(List.of("ps"));
        command.addAll(Arrays.asList(args.split(" ", -1)));
        PsOutput first = run(command, pids);
        // some ps options (such as f) cannot go with -q: ask again without it, as dockerd does
        PsOutput output = first.code() == 0 ? first : run(command, Set.of());
        if (output.code() != 0) {
            String why = output.stderr().lines().findFirst().orElse("exit status " + output.code());
            throw new SystemCallFailedException("ps", "container " + entry.id(), why);
        }
        return parse(output.stdout(), pids);
    }

    static void validate(String psArgs) {
        Matcher m = RENAMED_PID.matcher(psArgs);
        while (m.find()) {
            if (!m.group(1).equals("pid")) {
                throw new InvalidSpecException("specifying \"" + m.group(1) + "=" + m.group(2) + "\" is not allowed");
            }
        }
    }

    /** Keeps the rows whose PID is one of {@code pids}, and the thread rows ("-") that follow one. */
    static ProcessList parse(String output, Set<Integer> pids) {
        String[] lines = output.split("\n");
        List<String> titles = fields(lines[0]);
        int pidColumn = titles.indexOf("PID");
        if (pidColumn < 0) {
            throw new InvalidSpecException("Couldn't find PID field in ps output");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean previousKept = false;
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = fields(lines[i]);
            if (cells.size() <= pidColumn) {
                continue;
            }
            String pid = cells.get(pidColumn);
            if (pid.equals("-")) {
                if (previousKept) {
                    rows.add(fit(cells, titles.size()));
                }
                continue;
            }
            try {
                previousKept = pids.contains(Integer.parseInt(pid));
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("Unexpected pid '" + pid + "': " + e.getMessage());
            }
            if (previousKept) {
                rows.add(fit(cells, titles.size()));
            }
        }
        return new ProcessList(titles, rows);
    }

    /** The last column takes the overhanging cells (a command's arguments), joined by spaces. */
    private static List<String> fit(List<String> cells, int columns) {
        if (cells.size() <= columns) {
            return cells;
        }
        List<String> row = new ArrayList<>(cells.subList(0, columns - 1));
        row.add(String.join(" ", cells.subList(columns - 1, cells.size())));
        return row;
    }

    private static List<String> fields(String line) {
        return Arrays.stream(ASCII_SPACE.split(line.strip())).filter(f -> !f.isEmpty()).toList();
    }

    /**
     * Every host process in the init's pid namespace; the init and its descendants when it shares
     * the engine's namespace (a backend without a pid namespace must not show the whole host).
     */
    static Set<Integer> namespaceMembers(int init) {
        Path proc = Path.of("/proc");
        String namespace = pidNamespace(proc, init);
        if (namespace.isEmpty() || namespace.equals(pidNamespace(proc, (int) ProcessHandle.current().pid()))) {
            Set<Integer> family = new TreeSet<>(Set.of(init));
            ProcessHandle.of(init).ifPresent(h -> h.descendants().forEach(d -> family.add((int) d.pid())));
            return family;
        }
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Integer::valueOf).filter(pid -> pidNamespace(proc, pid).equals(namespace))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new SystemCallFailedException("list", "/proc", e.getMessage(), e);
        }
    }

    private static String pidNamespace(Path proc, int pid) {
        try {
            return Files.readSymbolicLink(proc.resolve(Integer.toString(pid)).resolve("ns").resolve("pid")).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private record PsOutput(int code, String stdout, String stderr) {
    }

    private static PsOutput run(List<String> command, Set<Integer> pids) {
        List<String> full = new ArrayList<>(command);
        if (!pids.isEmpty()) {
            full.add("-q");
            full.add(pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        try {
            Process ps = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            var stderr = ps.getErrorStream();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
            if (!ps.waitFor(PS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ps.destroyForcibly();
                return new PsOutput(-1, out, "ps did not finish within " + PS_TIMEOUT_SECONDS + " seconds");
            }
            return new PsOutput(ps.exitValue(), out, err);
        } catch (IOException e) {
            throw new SystemCallFailedException("exec", "ps", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemCallFailedException("wait", "ps", "interrupted", e);
        }
    }
}
