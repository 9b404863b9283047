package dev.sparkeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sparkeval.core.Bootstrap;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Value;
import dev.sparkeval.drift.Drift;
import dev.sparkeval.part.ClusterFigures;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.part.QueryCounts;
import dev.sparkeval.part.RankingCurves;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import dev.sparkeval.spark.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * report.json of an evaluate or train run, as {@link ReportJson} writes it: components in this
 * order, named in snake case ({@code rowsUsed} is {@code rows_used}), absent blocks (null) left
 * out. The keys are CONTRACT.md's; report.html and metrics.csv are drawn from the same record.
 *
 * <p>A new report block (baseline, drift) is one component here, where its key
 * should appear, filled by the factory that knows it ({@link #evaluation}, or {@link #blocks}
 * for a block a {@code ReportPart} computes in the pass), plus its section in the HTML view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int schema, String command, String task, String input, String validation, long rows, long rowsUsed,
                     Long rowsIgnored, Map<String, Long> rowsSkipped, double weightSum, Map<String, Double> losses, Map<String, Double> metrics,
                     ConfusionParts.Matrix confusionMatrix, Map<String, ConfusionParts.ClassFigures> perClass,
                     ResidualPlots.Plots residuals, ScoreCurves.Curves curves, QueryCounts.Counts ranking,
                     List<ClusterFigures.Cluster> clusters, Map<String, List<Double>> intervals,
                     Map<String, Double> errorBounds, BaselineBlock baseline, Map<String, Drift> drift, List<Slice> slices,
                     Map<String, String> undefined, TrainingBlock training, double seconds, List<Gate> gates,
                     BootstrapBlock bootstrap, Long minSliceRows, Map<String, Object> settings) {

  /** One slice's entry of {@code slices}; rowsIgnored only with an ignore index (as overall). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Slice(Map<String, String> slice, long rows, Long rowsIgnored, double weightSum, Map<String, Double> losses,
                      Map<String, Double> metrics, ConfusionParts.Matrix confusionMatrix,
                      Map<String, ConfusionParts.ClassFigures> perClass, QueryCounts.Counts ranking,
                      Map<String, List<Double>> intervals, Map<String, Double> errorBounds, BaselineBlock baseline,
                      Map<String, Drift> drift, Boolean belowMinRows) {}

  /**
   * One {@code --gate}: its text, the overall value (null when undefined), whether it held, and the
   * bound it was held to (resolved from the baseline for a bound such as {@code baseline-0.01}).
   */
  public record Gate(String gate, Double value, boolean passed, Double bound) {}

  /** How the intervals were made. */
  public record BootstrapBlock(int replicates, long seed, double level) {}

  /** The report blocks that report parts compute in the pass, by their key. */
  record Blocks(ConfusionParts.Matrix confusionMatrix, Map<String, ConfusionParts.ClassFigures> perClass,
                ResidualPlots.Plots residuals, ScoreCurves.Curves curves, QueryCounts.Counts ranking,
                List<ClusterFigures.Cluster> clusters, Map<String, List<Double>> intervals) {}

  private static final Set<String> PART_KEYS = Set.of("confusion_matrix", "per_class", ResidualPlots.KEY, ScoreCurves.KEY,
      QueryCounts.KEY, RankingCurves.KEY, ClusterFigures.KEY, Bootstrap.KEY);

  /** The part blocks of an outcome; a part this record has no component for is refused, not dropped. */
  @SuppressWarnings("unchecked")
  static Blocks blocks(Map<String, Object> parts) {
    for (String k : parts.keySet()) {
      if (!PART_KEYS.contains(k)) throw new IllegalStateException("report block '" + k + "' has no component in Report");
    }
    QueryCounts.Counts ranking = (QueryCounts.Counts) parts.get(QueryCounts.KEY);
    if (ranking != null && parts.get(RankingCurves.KEY) != null) {
      ranking = ranking.withAtK((Map<String, List<Double>>) parts.get(RankingCurves.KEY));
    }
    return new Blocks((ConfusionParts.Matrix) parts.get("confusion_matrix"),
        (Map<String, ConfusionParts.ClassFigures>) parts.get("per_class"), (ResidualPlots.Plots) parts.get(ResidualPlots.KEY),
        (ScoreCurves.Curves) parts.get(ScoreCurves.KEY), ranking, (List<ClusterFigures.Cluster>) parts.get(ClusterFigures.KEY),
        (Map<String, List<Double>>) parts.get(Bootstrap.KEY));
  }

  /**
   * The report of an evaluation. gates may be empty; the bootstrap block is written when the
   * settings asked for one; slices with fewer than minSliceRows rows are flagged (0: none).
   */
  public static Report evaluation(Evaluation.Result r, String input, double seconds, List<Gate> gates, long minSliceRows) {
    return evaluation(r, input, seconds, gates, minSliceRows, null, null);
  }

  /**
   * The same with a baseline to compare with (null: none) and the note its check left (null: none).
   */
  public static Report evaluation(Evaluation.Result r, String input, double seconds, List<Gate> gates, long minSliceRows,
                                  Baseline baseline, String baselineNote) {
    Evaluation.Settings s = r.settings();
    boolean ignoring = s.ignoreIndex() != null;
    Map<String, String> undefined = new LinkedHashMap<>();
    Plan.Outcome o = r.overall();
    Blocks b = blocks(o.parts());
    List<Slice> slices = null;
    if (!r.slices().isEmpty()) {
      slices = new ArrayList<>();
      for (Evaluation.SliceResult sr : r.slices()) {
        Plan.Outcome so = sr.outcome();
        Blocks sb = blocks(so.parts());
        if (sb.residuals() != null || sb.curves() != null) throw new IllegalStateException("chart blocks are reported overall only");
        long rows = sb.ranking() != null && sb.ranking().layout().equals("long") ? sb.ranking().items() : so.rows();
        boolean small = minSliceRows > 0 && rows < minSliceRows;
        Map<String, Double> sl = values(so.losses(), null);
        Map<String, Double> sm = values(so.metrics(), null);
        BaselineBlock sbase = baseline == null ? null : baseline.block(sr.slice(), sl, sm, sb.intervals(), null);
        slices.add(new Slice(sr.slice(), rows, ignoring ? sr.rowsIgnored() : null, so.weightSum(), sl, sm, sb.confusionMatrix(),
            sb.perClass(), sb.ranking(), sb.intervals(), bounds(so), sbase, sr.drift() == null || sr.drift().isEmpty() ? null : sr.drift(),
            small ? Boolean.TRUE : null));
      }
    }
    Map<String, Double> losses = values(o.losses(), undefined);
    Map<String, Double> metrics = values(o.metrics(), undefined);
    BaselineBlock base = baseline == null ? null : baseline.block(null, losses, metrics, b.intervals(), baselineNote);
    return new Report(1, "evaluate", r.plan().task().id(), input, null, r.rows(), r.rowsUsed(), ignoring ? r.rowsIgnored() : null,
        r.skipped(), o.weightSum(), losses, metrics, b.confusionMatrix(), b.perClass(), b.residuals(), b.curves(), b.ranking(),
        b.clusters(), b.intervals(), bounds(o), base, r.drift().isEmpty() ? null : r.drift(), slices, undefined, null, seconds,
        gates.isEmpty() ? null : List.copyOf(gates),
        s.bootstrap() > 0 ? new BootstrapBlock(s.bootstrap(), s.seed(), 0.95) : null, minSliceRows > 0 ? minSliceRows : null,
        RunSettings.of(s, r.plan()));
  }

  /** Values by spec; undefined ones are written as null and, when undefined is given, their reason recorded there. */
  static Map<String, Double> values(Map<String, Value> vs, Map<String, String> undefined) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : vs.entrySet()) {
      Value v = e.getValue();
      out.put(e.getKey(), v.defined() ? v.value() : null);
      if (!v.defined() && undefined != null) undefined.put(e.getKey(), v.undefined());
      if (v.note() != null && undefined != null) undefined.put(e.getKey(), v.note());
    }
    return out;
  }

  /** Certified error bounds of approximate values (one-pass binned AUC), by spec; null when there are none. */
  static Map<String, Double> bounds(Plan.Outcome o) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map<String, Value> vs : List.of(o.losses(), o.metrics())) {
      for (Map.Entry<String, Value> e : vs.entrySet()) {
        if (!Double.isNaN(e.getValue().errorBound())) out.put(e.getKey(), e.getValue().errorBound());
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** Losses then metrics, by spec. */
  public Map<String, Double> values() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (losses != null) out.putAll(losses);
    if (metrics != null) out.putAll(metrics);
    return out;
  }

  /** Losses then metrics of a slice, by spec. */
  static Map<String, Double> values(Slice s) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (s.losses() != null) out.putAll(s.losses());
    if (s.metrics() != null) out.putAll(s.metrics());
    return out;
  }
}
