package dev.sparkeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trend report of a metric history (trend.json; trend.html draws it): the runs in time order and
 * one series per (value, slice), overall first, each point with its interval and the bounds of the
 * run's gates on that value, and the lines asked for with {@code history --gate}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trend(String source, List<Run> runs, List<Series> series, List<Line> lines) {

  /** One evaluate run. */
  public record Run(String runId, String runTime, String input, String task) {}

  /** One value in one slice (null: overall) over the runs that have it. */
  public record Series(String name, String slice, List<Point> points) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Point(String runId, String runTime, Double value, Double low, Double high, long rows, Double gateMin,
                      Double gateMax) {}

  /** A fixed bound drawn across a value's charts: {@code atLeast} for SPEC>=X. */
  public record Line(String name, boolean atLeast, double bound) {}

  /** Groups the rows; a run's rows may arrive in any order, runs are sorted by time, then id. */
  public static Trend of(String source, List<HistoryRow> rows, List<Line> lines) {
    Comparator<HistoryRow> byRun = Comparator.comparing(HistoryRow::runTime).thenComparing(HistoryRow::runId);
    List<HistoryRow> sorted = new ArrayList<>(rows);
    sorted.sort(byRun);
    Map<String, Run> runs = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, Map<String, List<Point>>> bySlice = new LinkedHashMap<>();
    for (HistoryRow r : sorted) {
      runs.putIfAbsent(r.runId(), new Run(r.runId(), r.runTime().toString(), r.input(), r.task()));
      names.add(r.name());
      bySlice.computeIfAbsent(r.name(), n -> new LinkedHashMap<>()).computeIfAbsent(r.slice(), s -> new ArrayList<>())
          .add(new Point(r.runId(), r.runTime().toString(), r.value(), r.low(), r.high(), r.rows(), r.gateMin(), r.gateMax()));
    }
    List<Series> series = new ArrayList<>();
    for (String n : names) {
      Map<String, List<Point>> s = bySlice.get(n);
      List<String> keys = new ArrayList<>(s.keySet());
      keys.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      for (String k : keys) series.add(new Series(n, k, s.get(k)));
    }
    return new Trend(source, new ArrayList<>(runs.values()), series, lines.isEmpty() ? null : List.copyOf(lines));
  }
}
