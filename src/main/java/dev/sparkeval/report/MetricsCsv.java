package dev.sparkeval.report;

import java.util.List;
import java.util.Map;

/** metrics.csv: one flat row per (slice, name, value, low, high); the overall row has an empty slice. */
public final class MetricsCsv {
  private MetricsCsv() {}

  public static String of(Report report) {
    StringBuilder b = new StringBuilder("slice,name,value,low,high\n");
    rows(b, "", report.values(), report.intervals());
    if (report.slices() != null) {
      for (Report.Slice s : report.slices()) rows(b, SliceView.label(s.slice()), Report.values(s), s.intervals());
    }
    return b.toString();
  }

  private static void rows(StringBuilder b, String slice, Map<String, Double> values, Map<String, List<Double>> intervals) {
    for (Map.Entry<String, Double> e : values.entrySet()) {
      List<Double> iv = intervals == null ? null : intervals.get(e.getKey());
      b.append(text(slice)).append(',').append(text(e.getKey())).append(',').append(number(e.getValue())).append(',')
          .append(iv == null ? "" : number(iv.get(0))).append(',').append(iv == null ? "" : number(iv.get(1))).append('\n');
    }
  }

  private static String number(Double v) {
    return v == null ? "" : String.valueOf(v.doubleValue());
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
