package io.launcher.backend.lxc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Docker's json-file log back, strictly: every line one record of the exact shape. */
final class JsonLog {
    private static final Pattern RECORD = Pattern.compile(
            "\\{\"log\":\"((?:[^\"\\\\]|\\\\.)*)\",\"stream\":\"(stdout|stderr)\","
                    + "\"time\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z)\"}");

    record Entry(String log, String stream, String time) { }

    private JsonLog() {
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (Files.notExists(file)) {
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

    static String text(Path file, String stream) throws IOException {
        StringBuilder text = new StringBuilder();
        read(file).stream().filter(e -> e.stream().equals(stream)).forEach(e -> text.append(e.log()));
        return text.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
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
