package io.launcher.spi;

/**
 * The octal escapes of a mount table's fields (fstab, {@code /proc/<pid>/mountinfo}): space
 * {@code \040}, tab {@code \011}, newline {@code \012} and backslash {@code \134}, the four
 * characters the kernel and getmntent write that way, so that a path with them stays one field.
 */
public final class MountTableField {
    private MountTableField() {
    }

    /** {@code field} as a mount table writes it. */
    public static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text of a field a mount table wrote; a backslash not followed by three octal digits stays as it is. */
    public static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String field, int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
