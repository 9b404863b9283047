package dev.sparkeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.drift.Drift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The history rows of one evaluate report: every loss, metric and drift statistic, overall and per slice. */
public final class HistoryRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryRows() {}

  public static List<HistoryRow> of(Report r, String runId, Instant runTime) {
    List<HistoryRow> out = new ArrayList<>();
    Run run = new Run(runId, runTime, r.input(), r.task());
    run.values(out, null, r.values(), r.intervals(), r.rowsUsed(), r.gates());
    run.drift(out, null, r.drift());
    if (r.slices() != null) {
      for (Report.Slice s : r.slices()) {
        String key = slice(s.slice());
        run.values(out, key, Report.values(s), s.intervals(), s.rows(), null);
        run.drift(out, key, s.drift());
      }
    }
    return out;
  }

  /** The slice as a JSON object in slice-column order: unambiguous, groupable, and readable with from_json. */
  static String slice(Map<String, String> slice) {
    try {
      return JSON.writeValueAsString(slice);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Run(String id, Instant time, String input, String task) {
    void values(List<HistoryRow> out, String slice, Map<String, Double> values, Map<String, List<Double>> intervals, long rows,
                List<Report.Gate> gates) {
      for (Map.Entry<String, Double> e : values.entrySet()) {
        List<Double> iv = intervals == null ? null : intervals.get(e.getKey());
        Double lo = iv == null || iv.size() != 2 ? null : iv.get(0);
        Double hi = iv == null || iv.size() != 2 ? null : iv.get(1);
        out.add(new HistoryRow(id, time, input, task, slice, e.getKey(), e.getValue(), lo, hi, rows,
            bound(gates, e.getKey(), true), bound(gates, e.getKey(), false)));
      }
    }

    void drift(List<HistoryRow> out, String slice, Map<String, Drift> drift) {
      if (drift == null) return;
      for (Map.Entry<String, Drift> e : drift.entrySet()) {
        Drift d = e.getValue();
        long rows = d.rows() == null ? 0 : d.rows().current();
        String p = "drift." + e.getKey() + ".";
        out.add(new HistoryRow(id, time, input, task, slice, p + "ks", d.ks(), null, null, rows, null, null));
        out.add(new HistoryRow(id, time, input, task, slice, p + "wasserstein", d.wasserstein(), null, null, rows, null, null));
        out.add(new HistoryRow(id, time, input, task, slice, p + "psi", d.psi(), null, null, rows, null, null));
        out.add(new HistoryRow(id, time, input, task, slice, p + "js", d.js(), null, null, rows, null, null));
      }
    }
  }

  /** The bound of the first gate of this direction on spec (>= gives the minimum, <= the maximum). */
  static Double bound(List<Report.Gate> gates, String spec, boolean atLeast) {
    if (gates == null) return null;
    for (Report.Gate g : gates) {
      String[] parts = g.gate().split(atLeast ? ">=" : "<=", 2);
      if (parts.length == 2 && parts[0].trim().equals(spec)) return g.bound();
    }
    return null;
  }
}
