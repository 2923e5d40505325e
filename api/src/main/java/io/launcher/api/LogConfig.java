package io.launcher.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a container's output is kept: Docker's json-file driver, bounded. The log file is rotated
 * once it would grow past {@code maxSize} bytes ({@code <id>-json.log} becomes {@code .1}, {@code .1}
 * becomes {@code .2}, ...), and at most {@code maxFiles} files are kept, the live one included.
 * {@code maxSize <= 0} means unbounded (Docker's {@code max-size=-1}).
 *
 * <p>Unlike Docker's json-file driver, whose default is unbounded, a container that names no
 * option gets {@link #DEFAULT}: 100 MB a file, 3 files. A missing option takes its default alone.
 */
public record LogConfig(String type, long maxSize, int maxFiles) {
    public static final String JSON_FILE = "json-file";
    public static final long DEFAULT_MAX_SIZE = 100L << 20;
    public static final int DEFAULT_MAX_FILES = 3;
    public static final LogConfig DEFAULT = new LogConfig(JSON_FILE, DEFAULT_MAX_SIZE, DEFAULT_MAX_FILES);

    private static final String UNITS = "kmgt";

    public LogConfig {
        if (!JSON_FILE.equals(type)) {
            throw new InvalidSpecException("logging driver " + type + " is not supported (only json-file)");
        }
        if (maxFiles < 1) {
            throw new InvalidSpecException("invalid value for max-file: " + maxFiles + ": must be at least 1");
        }
        maxSize = Math.max(maxSize, -1);
    }

    public boolean bounded() {
        return maxSize > 0;
    }

    /**
     * Docker's {@code --log-driver} and {@code --log-opt KEY=VALUE} pairs, as the CLI and the API's
     * {@code HostConfig.LogConfig} carry them; a null or empty type is json-file.
     */
    public static LogConfig parse(String type, Map<String, String> options) {
        String driver = type == null || type.isEmpty() ? JSON_FILE : type;
        if (!JSON_FILE.equals(driver)) {
            throw new InvalidSpecException("logging driver " + driver + " is not supported (only json-file)");
        }
        long maxSize = DEFAULT_MAX_SIZE;
        int maxFiles = DEFAULT_MAX_FILES;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue() == null ? "" : option.getValue().trim();
            switch (option.getKey()) {
                case "max-size" -> maxSize = value.equals("-1") ? -1 : size(value);
                case "max-file" -> maxFiles = count(value);
                default -> throw new InvalidSpecException("unknown log opt '" + option.getKey() + "' for json-file log driver");
            }
        }
        return new LogConfig(driver, maxSize, maxFiles);
    }

    /** The options as Docker's inspect shows them, in a form {@link #parse} reads back. */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("max-size", bounded() ? sizeText(maxSize) : "-1");
        options.put("max-file", Integer.toString(maxFiles));
        return options;
    }

    private static long size(String text) {
        Matcher matcher = SizeSyntax.SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidSpecException("invalid value for max-size: '" + text + "' (a size such as 10m)");
        }
        String unit = matcher.group(2);
        int power = unit == null ? 0 : UNITS.indexOf(Character.toLowerCase(unit.charAt(0))) + 1;
        long number = Long.parseLong(matcher.group(1));
        if (number > (Long.MAX_VALUE >> (10 * power))) {
            throw new InvalidSpecException("invalid value for max-size: '" + text + "': too large");
        }
        return number << (10 * power);
    }

    private static int count(String text) {
        try {
            int files = Integer.parseInt(text);
            if (files >= 1) {
                return files;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new InvalidSpecException("invalid value for max-file: '" + text + "' (a whole number, at least 1)");
    }

    private static String sizeText(long bytes) {
        String[] units = {"", "k", "m", "g", "t"};
        int power = 0;
        while (power < units.length - 1 && bytes % (1L << (10 * (power + 1))) == 0) {
            power++;
        }
        return (bytes >> (10 * power)) + units[power];
    }

    /**
     * Compiled on the first max-size option only: every CLI call that builds a HostConfig loads
     * this class, and the pattern cost its main thread ~0.5 ms.
     */
    private static final class SizeSyntax {
        static final Pattern SIZE = Pattern.compile("(\\d{1,18}) ?([kKmMgGtT])?[bB]?");
    }
}
