package io.launcher.spi.storage.directory;

import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One layer kept as a plain directory, as overlayfs and AUFS branches are: writes neutral entries
 * into it without mounting anything and reads them back. Only the whiteout form differs between
 * drivers; it is the {@link WhiteoutForm} strategy.
 *
 * @param root    the layer's own directory (an upper dir, an AUFS branch)
 * @param parents the parent layers' directories, nearest first (for hard links to their files)
 * @param form    how this driver writes deletions
 */
public record LayerDirectory(Path root, List<Path> parents, WhiteoutForm form) {

    public LayerDirectory {
        parents = List.copyOf(parents);
    }

    /** Writes every entry of {@code layer}; directory times are set once all entries are written. */
    public void apply(LayerReader layer) throws IOException {
        new LayerApply(new ConfinedRoot(root), parents.stream().map(ConfinedRoot::new).toList(), form).run(layer);
    }

    /** Emits the layer's entries, parents before children, names sorted, whiteouts in neutral form. */
    public void diff(LayerWriter out) throws IOException {
        new LayerScan(form).run(root, out);
    }

    /** The bytes and inodes of the layer itself (hard links counted once). */
    public Usage usage() throws IOException {
        long[] totals = new long[2];
        Set<Long> seen = new HashSet<>();
        count(root, totals, seen);
        return new Usage(totals[0], totals[1]);
    }

    private static void count(Path directory, long[] totals, Set<Long> seen) throws IOException {
        for (String name : LayerScan.sortedNames(directory)) {
            Path file = directory.resolve(name);
            FileNodes.Stat stat = FileNodes.lstat(file);
            if (!seen.add(stat.inode())) {
                continue;
            }
            totals[1]++;
            if (stat.isDirectory()) {
                count(file, totals, seen);
            } else {
                totals[0] += stat.size();
            }
        }
    }
}
