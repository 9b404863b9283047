package dev.sparkeval.report;

import java.util.List;
import java.util.Map;

/** metrics.csv: one flat row per (slice, name, value, low, high); the overall row has an empty slice. */
public final class MetricsCsv {
  private MetricsCsv() {}

  public static String of(Map<String, Object> model) {
    StringBuilder b = new StringBuilder("slice,name,value,low,high\n");
    rows(b, "", model);
    List<Object> slices = M.list(model.get("slices"));
    if (slices != null) for (Object s : slices) rows(b, SliceView.label(M.map(M.map(s).get("slice"))), M.map(s));
    return b.toString();
  }

  private static void rows(StringBuilder b, String slice, Map<String, Object> m) {
    Map<String, Object> intervals = M.map(m.get("intervals"));
    for (Map.Entry<String, Object> e : SliceView.values(m).entrySet()) {
      List<Object> iv = intervals == null ? null : M.list(intervals.get(e.getKey()));
      b.append(text(slice)).append(',').append(text(e.getKey())).append(',').append(number(e.getValue())).append(',')
          .append(iv == null ? "" : number(iv.get(0))).append(',').append(iv == null ? "" : number(iv.get(1))).append('\n');
    }
  }

  private static String number(Object v) {
    return v instanceof Number n ? String.valueOf(n.doubleValue()) : "";
  }

  /** RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading apostrophe. */
  static String text(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains("'")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
