package org.peerage.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table of text for people: columns as wide as their widest cell, numbers aligned right. */
final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Headers ending in '>' name right-aligned columns (the '>' is not shown). */
    TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            this.headers[i] = rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
        }
    }

    void add(Object... cells) {
        String[] row = new String[headers.length];
        for (int i = 0; i < row.length; i++) {
            Object v = i < cells.length ? cells[i] : null;
            row[i] = v == null ? "-" : v.toString();
        }
        rows.add(row);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out, String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        line(out, indent, headers, width);
        for (String[] row : rows) {
            line(out, indent, row, width);
        }
    }

    private void line(PrintStream out, String indent, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String pad = " ".repeat(width[i] - cells[i].length());
            if (rightAligned[i]) {
                b.append(pad).append(cells[i]);
            } else {
                b.append(cells[i]);
                if (!last) {
                    b.append(pad);
                }
            }
            if (!last) {
                b.append("  ");
            }
        }
        out.println(b.toString().stripTrailing());
    }
}
