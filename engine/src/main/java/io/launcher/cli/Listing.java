package io.launcher.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Prints rows through a format: a {@code table} format aligned under its header, any other line by line. */
final class Listing {
    private Listing() {
    }

    /** The format asked for, or the command's default; a bad one is a bad flag. */
    static FormatTemplate template(CommandSpec spec, String format, String fallback) {
        try {
            return FormatTemplate.parse(format == null || format.isEmpty() ? fallback : format);
        } catch (IllegalArgumentException problem) {
            throw new ParameterException(spec.commandLine(), problem.getMessage(), problem);
        }
    }

    static void print(PrintStream out, List<Map<String, Object>> rows, FormatTemplate template, Map<String, String> titles) {
        if (!template.table()) {
            StringBuilder text = new StringBuilder();
            for (Map<String, Object> row : rows) {
                text.append(template.render(row)).append('\n');
            }
            out.print(text);
            out.flush();
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(template.header(titles));
        for (Map<String, Object> row : rows) {
            lines.add(template.render(row));
        }
        out.print(TabTable.format(lines));
        out.flush();
    }
}
