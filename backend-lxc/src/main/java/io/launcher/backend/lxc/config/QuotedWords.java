package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * The word splitting LXC applies to {@code lxc.execute.cmd}: blanks separate words, a word may be
 * wrapped in single or double quotes, there are no escapes. So a word holding both kinds of
 * quote cannot be written, and the backend passes argv after {@code --} instead.
 */
final class QuotedWords {
    private QuotedWords() {
    }

    static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty() && word.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\'' || c == '"')) {
                out.add(word);
            } else if (word.indexOf('\'') < 0) {
                out.add("'" + word + "'");
            } else if (word.indexOf('"') < 0) {
                out.add("\"" + word + "\"");
            } else {
                throw new InvalidSpecException("unable to quote " + word + " for lxc.execute.cmd: it holds both quote characters");
            }
        }
        return String.join(" ", out);
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw new InvalidSpecException("unterminated quote in lxc.execute.cmd: " + line);
                }
                words.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                    end++;
                }
                words.add(line.substring(i, end));
                i = end;
            }
        }
        return words;
    }
}
