package io.launcher.spi.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Docker json-file log as the kit expects backends to write it. */
public final class JsonFileLog {
    // possessive: a plain alternation recurses per character and overflows the stack on long lines
    private static final Pattern RECORD = Pattern.compile(
            "\\{\"log\":\"((?:[^\"\\\\]++|\\\\.)*+)\",\"stream\":\"(stdout|stderr)\","
                    + "\"time\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?Z)\"}");

    /** One record: the text (with its newline), the stream, the RFC 3339 time. */
    public record Entry(String log, String stream, String time) { }

    private JsonFileLog() {
    }

    public static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = RECORD.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a json-file record: " + line);
            }
            entries.add(new Entry(unescape(m.group(1)), m.group(2), m.group(3)));
        }
        return entries;
    }

    /** Everything one stream said, concatenated. */
    public static String text(Path file, String stream) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Entry entry : read(file)) {
            if (entry.stream().equals(stream)) {
                text.append(entry.log());
            }
        }
        return text.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
