package io.launcher.cli;

import io.launcher.api.ContainerStatus;
import io.launcher.api.DiskUsage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code system df}: Docker's summary (TYPE TOTAL ACTIVE SIZE RECLAIMABLE) computed as its CLI
 * computes it, or with {@code -v} a table per type. Local volumes and build cache are always
 * empty here: the engine has neither.
 */
public final class SystemDfCommand implements Callable<Integer>, CommandDeclaration.Fields {
    static final String SUMMARY_FORMAT = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
    static final Map<String, String> SUMMARY_TITLES = Map.of("Type", "TYPE", "TotalCount", "TOTAL",
            "Active", "ACTIVE", "Size", "SIZE", "Reclaimable", "RECLAIMABLE");

    final SystemCommand parent;

    CommandSpec spec;
    boolean verbose;
    String format;

    SystemDfCommand(SystemCommand parent) {
        this.parent = parent;
    }

    /** How picocli sees {@code df}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "df", "Show disk usage")
                .flag("-v --verbose", "Show detailed information on space usage")
                .option("--format", "string", "Format output using a custom template")
                .help()
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--verbose" -> verbose = (Boolean) value;
            case "--format" -> format = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        FormatTemplate template = Listing.template(spec, format, SUMMARY_FORMAT);
        DiskUsage usage = parent.launcher.engine().diskUsage();
        PrintStream out = parent.launcher.session().out();
        if (verbose) {
            DiskUsageTables.print(out, usage, parent.launcher.session().clock().instant());
        } else {
            Listing.print(out, summary(usage), template, SUMMARY_TITLES);
        }
        return 0;
    }

    static List<Map<String, Object>> summary(DiskUsage usage) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long usedByImages = usage.images().stream().filter(i -> i.containers() > 0)
                .mapToLong(i -> i.image().size() - i.sharedSize()).sum();
        rows.add(row("Images", usage.images().size(), usage.images().stream().filter(i -> i.containers() > 0).count(),
                usage.layersSize(), usage.layersSize() - usedByImages));
        long containersSize = usage.containers().stream().mapToLong(DiskUsage.ContainerUsage::sizeRw).sum();
        long idle = usage.containers().stream().filter(c -> !active(c)).mapToLong(DiskUsage.ContainerUsage::sizeRw).sum();
        rows.add(row("Containers", usage.containers().size(), usage.containers().stream().filter(SystemDfCommand::active).count(),
                containersSize, idle));
        rows.add(row("Local Volumes", 0, 0, 0, 0));
        rows.add(row("Build Cache", 0, 0, 0, 0));
        return rows;
    }

    private static boolean active(DiskUsage.ContainerUsage c) {
        ContainerStatus status = c.container().state().status();
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED || status == ContainerStatus.RESTARTING;
    }

    /** Docker prints the reclaimable share as a whole percentage, rounded down, when there is any size. */
    private static Map<String, Object> row(String type, long total, long active, long size, long reclaimable) {
        Map<String, Object> row = new TreeMap<>();
        row.put("Type", type);
        row.put("TotalCount", Long.toString(total));
        row.put("Active", Long.toString(active));
        row.put("Size", HumanSize.general(size));
        row.put("Reclaimable", size > 0 ? HumanSize.general(reclaimable) + " (" + reclaimable * 100 / size + "%)"
                : HumanSize.general(reclaimable));
        return row;
    }
}
