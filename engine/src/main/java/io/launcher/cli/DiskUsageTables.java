package io.launcher.cli;

import io.launcher.api.DiskUsage;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code system df -v}: Docker's four tables (images, containers, local volumes, build cache). */
final class DiskUsageTables {
    private static final String IMAGES = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
            + "\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
    private static final Map<String, String> IMAGE_TITLES = Map.of("Repository", "REPOSITORY", "Tag", "TAG",
            "ID", "IMAGE ID", "CreatedSince", "CREATED", "Size", "SIZE", "SharedSize", "SHARED SIZE",
            "UniqueSize", "UNIQUE SIZE", "Containers", "CONTAINERS");
    private static final String CONTAINERS = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}"
            + "\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
    private static final String VOLUMES = "VOLUME NAME\tLINKS\tSIZE";
    private static final String BUILD_CACHE = "CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED";

    private DiskUsageTables() {
    }

    static void print(PrintStream out, DiskUsage usage, Instant now) {
        out.print("Images space usage:\n\n");
        FormatTemplate imageTable = FormatTemplate.parse(IMAGES);
        FormatTemplate containerTable = FormatTemplate.parse(CONTAINERS);
        List<Map<String, Object>> images = new ArrayList<>();
        for (DiskUsage.ImageUsage image : usage.images()) {
            // Docker shows an image once, under its first tag
            Map<String, Object> row = ImageRow.of(image.image(), now, true, imageTable).get(0);
            row.put("SharedSize", HumanSize.decimal(image.sharedSize()));
            row.put("UniqueSize", HumanSize.decimal(image.image().size() - image.sharedSize()));
            row.put("Containers", Integer.toString(image.containers()));
            images.add(row);
        }
        Listing.print(out, images, imageTable, IMAGE_TITLES);
        out.print("\nContainers space usage:\n\n");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (DiskUsage.ContainerUsage container : usage.containers()) {
            Map<String, Object> row = ContainerRow.of(container.container(), now, true, containerTable);
            row.put("Size", HumanSize.decimal(container.sizeRw()));
            containers.add(row);
        }
        Listing.print(out, containers, containerTable, ContainerRow.TITLES);
        out.print("\nLocal Volumes space usage:\n\n");
        out.print(TabTable.format(List.of(VOLUMES)));
        out.print("\nBuild cache usage: 0B\n\n");
        out.print(TabTable.format(List.of(BUILD_CACHE)));
        out.flush();
    }
}
