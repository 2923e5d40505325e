package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;

/**
 * The octal escapes of fstab fields (space \040, tab \011, newline \012, backslash \134): LXC
 * reads {@code lxc.mount.entry} with getmntent, which decodes exactly these.
 */
final class FstabField {
    private FstabField() {
    }

    static String escape(String field) {
        if (field.isEmpty()) {
            throw new InvalidSpecException("an lxc.mount.entry field cannot be empty");
        }
        StringBuilder out = new StringBuilder(field.length());
        for (char c : field.toCharArray()) {
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

    static String unescape(String field) {
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

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
