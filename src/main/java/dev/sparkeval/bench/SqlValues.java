package dev.sparkeval.bench;

import dev.sparkeval.core.Value;
import dev.sparkeval.spark.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Shows that both sides of the SQL bench compute the same values: per suite (and segment), each
 * value as the hand-written SQL and sparkeval give it, and their largest relative difference
 * (the SQL sums in plain doubles, so it differs in the last digits).
 */
final class SqlValues {
  private SqlValues() {}

  static Map<String, Object> compare(Map<String, Row[]> sql, Map<String, Evaluation.Result> ours) {
    Map<String, Object> m = new LinkedHashMap<>();
    double worst = 0;
    for (String suite : SqlBench.SUITES) {
      Row[] rows = sql.get(suite);
      Evaluation.Result r = ours.get(suite);
      if (rows == null || r == null) continue;
      Map<String, Object> s = new LinkedHashMap<>();
      if (suite.equals("sliced")) {
        for (Row row : rows) {
          String seg = row.getString(row.fieldIndex("segment"));
          for (Evaluation.SliceResult sr : r.slices()) {
            if (!seg.equals(sr.slice().get("segment"))) continue;
            Map<String, Object> v = new LinkedHashMap<>();
            for (String name : List.of("mse", "mae", "r2")) worst = Math.max(worst, put(v, name, row, value(sr.outcome(), name)));
            s.put(seg, v);
          }
        }
      } else {
        for (String name : r.values().keySet()) worst = Math.max(worst, put(s, name, rows[0], r.value(name)));
      }
      m.put(suite, s);
    }
    m.put("max_relative_difference", worst);
    return m;
  }

  private static double value(dev.sparkeval.core.Plan.Outcome o, String name) {
    Value v = o.losses().containsKey(name) ? o.losses().get(name) : o.metrics().get(name);
    return v != null && v.defined() ? v.value() : Double.NaN;
  }

  private static double put(Map<String, Object> out, String name, Row row, double ours) {
    double theirs = row.getDouble(row.fieldIndex(name));
    double rel = Math.abs(theirs - ours) / Math.max(Math.abs(ours), Double.MIN_NORMAL);
    out.put(name, List.of(theirs, ours, rel));
    return rel;
  }

  /** Whether every column of the SQL functions' row equals the evaluate command's value of that name, bit for bit. */
  static boolean sameBits(Row functions, Evaluation.Result evaluate) {
    for (String name : functions.schema().fieldNames()) {
      if (Double.doubleToLongBits(functions.getDouble(functions.fieldIndex(name))) != Double.doubleToLongBits(evaluate.value(name))) {
        return false;
      }
    }
    return true;
  }
}
