package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The host pids of a container's monitor and init, as the monitor reports them and writes them to its bundle. */
record MonitorPids(int monitor, int init) {

    static MonitorPids parse(String text) {
        String[] fields = text.strip().split(" ");
        try {
            return new MonitorPids(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]));
        } catch (RuntimeException e) {
            throw new InternalException("unable to parse launcher-shim output '" + text.strip() + "'", e);
        }
    }

    static Optional<MonitorPids> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            // written without fsync (it dies with its monitor): a host crash can leave it empty,
            // and then there is no monitor left to find either
            return text.isBlank() ? Optional.empty() : Optional.of(parse(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InternalException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }
}
