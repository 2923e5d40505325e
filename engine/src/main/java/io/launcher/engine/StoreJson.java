package io.launcher.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.InternalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON mapper of the metadata store, and reading and writing records with it. */
final class StoreJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StoreJson() {
    }

    static void write(Path file, Object value) {
        AtomicFiles.write(file, encode(file, value));
    }

    /** As {@link #write}, without the fsyncs ({@link AtomicFiles#replace}). */
    static void replace(Path file, Object value) {
        AtomicFiles.replace(file, encode(file, value));
    }

    private static byte[] encode(Path file, Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new InternalException("unable to encode " + file + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new InternalException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }
}
