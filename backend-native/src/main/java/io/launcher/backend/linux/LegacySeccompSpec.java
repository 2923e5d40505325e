package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.backend.linux.seccomp.DefaultSeccompProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A bundle spec written by a launcher before Docker's default profile became a compiled allow
 * list says {@code seccomp default}: that shim built the filter itself, today's installs only a
 * compiled program ({@code filter.c}) and refuses the record. Such a container may still be
 * running (its monitor outlives the engine across an upgrade), and every {@code exec} into it
 * reads that spec. So when the engine loads a bundle, the record is replaced by the default
 * program compiled for the capabilities the spec records, as that container's own filter was
 * lifted by them; the rest of the spec is kept byte for byte.
 */
final class LegacySeccompSpec {
    private static final String LEGACY = "seccomp default";

    private LegacySeccompSpec() {
    }

    /** Rewrites {@code spec} in place when it carries the old record; a missing spec is left alone. */
    static void upgrade(Path spec) {
        try {
            byte[] content = Files.readAllBytes(spec);
            Optional<byte[]> upgraded = upgraded(content);
            if (upgraded.isPresent()) {
                AtomicFile.writeEphemeral(spec, upgraded.get());
            }
        } catch (NoSuchFileException e) {
            // a bundle being removed: nothing will exec into it
        } catch (IOException e) {
            throw new InternalException("unable to upgrade the seccomp record of " + spec + ": " + e.getMessage(), e);
        }
    }

    /**
     * The spec with its {@code seccomp default} record replaced by {@code seccomp program <hex>};
     * empty when it has no such record, or when no program can be compiled on this architecture
     * (the shim then refuses an exec with its own message, as before).
     */
    static Optional<byte[]> upgraded(byte[] spec) {
        String text = new String(spec, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int legacy = -1;
        Set<String> capabilities = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(LEGACY)) {
                legacy = i;
            } else if (lines[i].startsWith("cap ")) {
                // capability names are plain ASCII letters: spec.c's escaping leaves them as they are
                capabilities.add(lines[i].substring(4));
            }
        }
        if (legacy < 0) {
            return Optional.empty();
        }
        try {
            lines[legacy] = "seccomp program " + DefaultSeccompProgram.encoded(capabilities);
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
        return Optional.of(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
