package io.launcher.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated lines as Docker's tables do (Go's tabwriter with minimum width 10,
 * padding 3, spaces): every cell but a line's last is padded to its column's width.
 */
final class TabTable {
    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private TabTable() {
    }

    static String format(List<String> lines) {
        return format(lines, MIN_WIDTH);
    }

    /** As {@link #format(List)} with another minimum width ({@code top} uses 20). */
    static String format(List<String> lines, int minWidth) {
        List<String[]> rows = new ArrayList<>();
        int columns = 0;
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            rows.add(cells);
            columns = Math.max(columns, cells.length);
        }
        int[] widths = new int[columns];
        for (String[] cells : rows) {
            for (int c = 0; c < cells.length - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(minWidth, width(cells[c]) + PADDING));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] cells : rows) {
            for (int c = 0; c < cells.length; c++) {
                text.append(cells[c]);
                if (c < cells.length - 1) {
                    text.append(" ".repeat(widths[c] - width(cells[c])));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Go's tabwriter counts runes, not bytes or UTF-16 units. */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
