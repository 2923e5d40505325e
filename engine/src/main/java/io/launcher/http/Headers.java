package io.launcher.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The header fields of an HTTP message in arrival order; names compare without case. */
public final class Headers {
    private final List<String[]> fields = new ArrayList<>();

    public static Headers of(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    public Headers add(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    /** Replaces every field of this name with one. */
    public Headers set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public Headers remove(String name) {
        // A loop, not removeIf with a lambda: every CLI call comes here, and a lambda's first use costs more than the loop.
        for (Iterator<String[]> it = fields.iterator(); it.hasNext(); ) {
            if (it.next()[0].equalsIgnoreCase(name)) {
                it.remove();
            }
        }
        return this;
    }

    public Optional<String> first(String name) {
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                return Optional.of(field[1]);
            }
        }
        return Optional.empty();
    }

    /** Whether a comma-separated field such as {@code Connection} lists this token. */
    public boolean hasToken(String name, String token) {
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                for (String part : field[1].split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The Content-Length, or -1 when absent; a malformed one is a protocol error. */
    public long contentLength() {
        Optional<String> value = first("Content-Length");
        if (value.isEmpty()) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.get().trim());
            if (length < 0) {
                throw new HttpProtocolException("negative content length " + value.get());
            }
            return length;
        } catch (NumberFormatException e) {
            throw new HttpProtocolException("malformed content length " + value.get());
        }
    }

    public boolean chunked() {
        Optional<String> coding = first("Transfer-Encoding");
        return coding.isPresent() && coding.get().toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** Sets each field of the other headers here, replacing fields of the same name. */
    public Headers setAll(Headers other) {
        for (String[] field : other.fields) {
            set(field[0], field[1]);
        }
        return this;
    }

    /** The fields as HTTP header lines, each ended by CRLF. */
    void appendTo(StringBuilder text) {
        for (String[] field : fields) {
            text.append(field[0]).append(": ").append(field[1]).append("\r\n");
        }
    }

    public void forEach(BiConsumer<String, String> action) {
        for (String[] field : fields) {
            action.accept(field[0], field[1]);
        }
    }
}
