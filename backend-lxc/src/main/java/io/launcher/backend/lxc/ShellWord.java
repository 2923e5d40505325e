package io.launcher.backend.lxc;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting for the generated hook and supervisor scripts: every value in single quotes. */
final class ShellWord {
    private ShellWord() {
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String quoteAll(List<String> words) {
        return words.stream().map(ShellWord::quote).collect(Collectors.joining(" "));
    }
}
