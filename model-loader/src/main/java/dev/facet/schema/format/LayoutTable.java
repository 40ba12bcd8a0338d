package dev.facet.schema.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of lines whose cells are aligned in columns: field name, type, attributes; or property
 * name and {@code = value}. Trailing comments and comment lines ride along without affecting the
 * column widths, and verbatim lines (text the grammar does not recognise) are printed as they are.
 */
final class LayoutTable {
    private sealed interface Row {}

    private record Cells(List<String> cells, String suffix) implements Row {}

    private record Verbatim(String text) implements Row {}

    private final List<Row> rows = new ArrayList<>();

    /** Adds an aligned row; {@code suffix} (a trailing comment, or null) follows the last cell. */
    void row(List<String> cells, String suffix) {
        List<String> trimmed = new ArrayList<>(cells);
        // Empty trailing cells (a field without attributes) must not widen or pad anything.
        while (!trimmed.isEmpty() && trimmed.getLast().isEmpty()) trimmed.removeLast();
        rows.add(new Cells(trimmed, suffix == null ? "" : suffix));
    }

    /** Adds a line that holds only a comment. */
    void comment(String text) { rows.add(new Cells(List.of(), text)); }

    /** Adds an empty line. */
    void blank() { rows.add(new Cells(List.of(), "")); }

    /** Adds a line printed as it is, outside the columns. */
    void verbatim(String text) { rows.add(new Verbatim(text)); }

    /** Prints the rows and empties the table, so that the next rows start a new alignment. */
    void flushTo(TextOut out) {
        List<Integer> widths = new ArrayList<>();
        for (Row row : rows) {
            if (!(row instanceof Cells(List<String> cells, String ignored))) continue;
            for (int i = 0; i < cells.size(); i++) {
                int w = width(cells.get(i));
                if (i == widths.size()) widths.add(w);
                else if (w > widths.get(i)) widths.set(i, w);
            }
        }
        for (Row row : rows) {
            switch (row) {
                case Verbatim(String text) -> out.line(text);
                case Cells(List<String> cells, String suffix) -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < cells.size(); i++) {
                        line.append(cells.get(i));
                        if (i < cells.size() - 1) line.append(" ".repeat(widths.get(i) - width(cells.get(i)) + 1));
                    }
                    if (!suffix.isEmpty()) {
                        if (!cells.isEmpty()) line.append(' ');
                        line.append(suffix);
                    }
                    out.line(line.toString());
                }
            }
        }
        rows.clear();
    }

    /** Prisma measures cells in UTF-8 bytes, so a multi-byte character widens its column by more than one. */
    private static int width(String cell) { return cell.getBytes(StandardCharsets.UTF_8).length; }
}
