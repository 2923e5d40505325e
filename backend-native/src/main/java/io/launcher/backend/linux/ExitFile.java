package io.launcher.backend.linux;

import io.launcher.api.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <bundle>/exit}, written atomically by the monitor when the init ends, one line
 * "{@code <code> <signal> <oom 0|1>}": how the container ended, readable after the monitor is gone.
 */
final class ExitFile {

    private ExitFile() {
    }

    static Optional<ExitStatus> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            // the monitor renames it into place without fsync: a host crash can leave it empty
            return text.isBlank() ? Optional.empty() : Optional.of(parse(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new io.launcher.api.InternalException("unable to read exit status " + file + ": " + e.getMessage(), e);
        }
    }

    /** "code signal oom", as in the file and after the word "exit" on the control socket. */
    static ExitStatus parse(String text) {
        String[] fields = text.trim().split(" ");
        if (fields.length != 3) {
            throw new IllegalArgumentException("malformed exit status '" + text.trim() + "'");
        }
        return new ExitStatus(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), "1".equals(fields[2]));
    }
}
