package io.launcher.storage.overlay;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A filesystem's project quotas kept in maps: what was tagged, what is limited, what counts blocks. */
final class RecordingProjectQuotas implements ProjectQuotas {
    final Map<Path, Integer> projects = new HashMap<>();
    final Map<Integer, Long> limits = new HashMap<>();
    final Set<Integer> counted = new HashSet<>();
    boolean enabled = true;

    @Override
    public boolean enabled(Path onFilesystem) {
        return enabled;
    }

    @Override
    public int project(Path directory) {
        return projects.getOrDefault(directory, 0);
    }

    @Override
    public void assign(Path directory, int id) {
        projects.put(directory, id);
    }

    @Override
    public void limit(Path onFilesystem, int id, long bytes) {
        if (bytes == 0) {
            limits.remove(id);
        } else {
            limits.put(id, bytes);
        }
    }

    @Override
    public boolean inUse(Path onFilesystem, int id) {
        return limits.containsKey(id) || counted.contains(id);
    }
}
