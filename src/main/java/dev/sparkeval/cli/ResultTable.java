package dev.sparkeval.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** A collected query result, printed as an aligned table or written as CSV; doubles keep every digit (they round-trip). */
final class ResultTable {
  private final String[] columns;
  private final List<String[]> cells = new ArrayList<>();

  ResultTable(String[] columns, List<Row> rows) {
    this.columns = columns;
    for (Row r : rows) {
      String[] c = new String[columns.length];
      for (int i = 0; i < c.length; i++) c[i] = r.isNullAt(i) ? null : text(r.get(i));
      cells.add(c);
    }
  }

  static String text(Object v) {
    if (v instanceof Double d) return Double.toString(d);
    if (v instanceof Float f) return Float.toString(f);
    if (v instanceof scala.collection.Seq<?> s) return s.mkString("[", ",", "]");
    return v.toString();
  }

  void print(PrintStream out) {
    int[] width = new int[columns.length];
    for (int i = 0; i < width.length; i++) width[i] = columns[i].length();
    for (String[] row : cells) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], show(row[i]).length());
    line(out, columns, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    out.println(rule);
    for (String[] row : cells) line(out, row, width);
    out.println("(" + cells.size() + " row" + (cells.size() == 1 ? "" : "s") + ")");
  }

  private static void line(PrintStream out, String[] values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) b.append(" | ");
      b.append(String.format("%-" + width[i] + "s", show(values[i])));
    }
    out.println(b.toString().stripTrailing());
  }

  private static String show(String v) {
    return v == null ? "NULL" : v;
  }

  /** RFC 4180 CSV with a header; NULL is an empty field. */
  String csv() {
    StringBuilder b = new StringBuilder();
    row(b, columns);
    for (String[] r : cells) row(b, r);
    return b.toString();
  }

  private static void row(StringBuilder b, String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) b.append(',');
      String v = values[i];
      if (v == null) continue;
      boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
      b.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
    }
    b.append("\r\n");
  }
}
