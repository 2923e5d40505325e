package io.launcher.storage.aufs;

import io.launcher.spi.Mount;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The mounts of a snapshot as AUFS branches: {@code aufs none [br=<rw>=rw:<ro>=ro+wh:...]}. mount(2)
 * takes its options in one page, so a long chain goes in as Docker's AUFS driver did it: the first
 * branches at mount, the rest appended by remounts ({@code remount,append:<dir>=ro+wh}).
 */
final class AufsMounts {
    /** Below the page mount(2) copies, with room for the remount keyword. */
    static final int OPTIONS_BUDGET = 3800;

    private AufsMounts() {
    }

    static List<Mount> of(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        boolean view = snapshot.info().kind() == SnapshotKind.VIEW;
        if (parents.isEmpty() || (view && parents.size() == 1)) {
            String source = (parents.isEmpty() ? snapshot : parents.get(0)).fs().toString();
            return List.of(new Mount("bind", source, List.of("rbind", view ? "ro" : "rw")));
        }
        List<String> branches = new ArrayList<>();
        if (!view) {
            branches.add(snapshot.fs() + "=rw");
        }
        for (StoredSnapshot parent : parents) {
            branches.add(parent.fs() + "=ro+wh");
        }
        return split(branches, view);
    }

    private static List<Mount> split(List<String> branches, boolean readOnly) {
        List<Mount> mounts = new ArrayList<>();
        StringBuilder first = new StringBuilder("br=").append(branches.get(0));
        int next = 1;
        while (next < branches.size() && first.length() + 1 + branches.get(next).length() <= OPTIONS_BUDGET) {
            first.append(':').append(branches.get(next++));
        }
        List<String> options = new ArrayList<>(List.of(first.toString()));
        if (readOnly) {
            options.add("ro");
        }
        mounts.add(new Mount("aufs", "none", options));
        while (next < branches.size()) {
            List<String> appends = new ArrayList<>(List.of("remount"));
            int length = "remount".length();
            while (next < branches.size() && length + 8 + branches.get(next).length() <= OPTIONS_BUDGET) {
                String append = "append:" + branches.get(next++);
                appends.add(append);
                length += 1 + append.length();
            }
            mounts.add(new Mount("aufs", "none", appends));
        }
        return mounts;
    }
}
