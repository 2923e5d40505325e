package io.launcher.cli;

import io.launcher.api.EngineInfo;
import io.launcher.api.PluginReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info}: the engine's counts, chosen backends, every plugin found and why one is unavailable. */
public final class InfoCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    String format;

    InfoCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code info}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "info", "Display system-wide information")
                .option("-f --format", "FORMAT", "Format output using a Go template")
                .help()
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--format" -> format = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        EngineInfo info = launcher.engine().info();
        if (format != null) {
            launcher.session().out().println(Listing.template(spec, format, "").render(fields(info)));
            return 0;
        }
        StringBuilder text = new StringBuilder();
        text.append("Client:\n Version: ").append(LauncherVersion.number()).append('\n');
        text.append("\nServer:\n");
        text.append(" Containers: ").append(info.containers()).append('\n');
        text.append("  Running: ").append(info.running()).append('\n');
        text.append("  Paused: ").append(info.paused()).append('\n');
        text.append("  Stopped: ").append(info.stopped()).append('\n');
        text.append(" Images: ").append(info.images()).append('\n');
        text.append(" Isolation Backend: ").append(info.isolationBackend()).append('\n');
        text.append(" Storage Driver: ").append(info.storageDriver()).append('\n');
        text.append(" Network Driver: ").append(info.networkDriver()).append('\n');
        text.append(" Plugins:\n");
        for (PluginReport plugin : info.plugins()) {
            text.append("  ").append(plugin.kind()).append(": ").append(plugin.name()).append(describe(plugin)).append('\n');
        }
        text.append(" Cgroup Version: ").append(info.cgroupVersion()).append('\n');
        text.append(" Kernel Version: ").append(info.kernelVersion()).append('\n');
        text.append(" Operating System: ").append(info.operatingSystem()).append('\n');
        text.append(" OSType: linux\n");
        text.append(" Architecture: ").append(info.architecture()).append('\n');
        text.append(" CPUs: ").append(info.cpus()).append('\n');
        text.append(" Total Memory: ").append(HumanSize.binary(info.memTotal())).append('\n');
        text.append(" Name: ").append(info.hostname()).append('\n');
        text.append(" Launcher Root Dir: ").append(info.rootDir()).append('\n');
        launcher.session().out().print(text);
        return 0;
    }

    private static String describe(PluginReport plugin) {
        if (!plugin.available()) {
            return " (unavailable: " + plugin.reason() + ")";
        }
        return plugin.selected() ? " (selected)" : "";
    }

    /** Docker's /info field names, for {@code --format}. */
    private static Map<String, Object> fields(EngineInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Containers", info.containers());
        view.put("ContainersRunning", info.running());
        view.put("ContainersPaused", info.paused());
        view.put("ContainersStopped", info.stopped());
        view.put("Images", info.images());
        view.put("Driver", info.storageDriver());
        view.put("IsolationBackend", info.isolationBackend());
        view.put("NetworkDriver", info.networkDriver());
        view.put("Plugins", plugins(info.plugins()));
        view.put("CgroupVersion", info.cgroupVersion());
        view.put("KernelVersion", info.kernelVersion());
        view.put("OperatingSystem", info.operatingSystem());
        view.put("OSType", "linux");
        view.put("Architecture", info.architecture());
        view.put("NCPU", info.cpus());
        view.put("MemTotal", info.memTotal());
        view.put("Name", info.hostname());
        view.put("DockerRootDir", info.rootDir());
        view.put("ServerVersion", LauncherVersion.number());
        return view;
    }

    private static List<Map<String, Object>> plugins(List<PluginReport> reports) {
        return reports.stream().map(report -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("Kind", report.kind());
            view.put("Name", report.name());
            view.put("Available", report.available());
            view.put("Reason", report.reason());
            view.put("Selected", report.selected());
            return view;
        }).toList();
    }
}
