package dev.sparkeval.spark;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.metric.Catalogs;
import dev.sparkeval.metric.Tasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Evaluates a prediction table: binds columns, runs the one pass, checks bad rows, and finishes
 * every loss and metric overall and per slice. The CLI's evaluate command is built on this.
 */
public final class Evaluation {
  /** What to evaluate and how. */
  public static final class Settings {
    public Task task;
    public Map<Role, String> columns = new LinkedHashMap<>();
    public List<String> losses = new ArrayList<>();
    public List<String> metrics = new ArrayList<>();
    public List<String> slices = new ArrayList<>();
    public boolean logits;
    public double threshold = 0.5;
    public double[] classWeights;
    public boolean skipBadRows;
    public int partitions;
    public int maxSlices = 10_000;
  }

  /** One slice's values: the slice column values by name, and the finished outcome. */
  public record SliceResult(Map<String, String> slice, Plan.Outcome outcome) {}

  /** The finished evaluation. */
  public record Result(Plan plan, Binding binding, long rows, long rowsUsed, Map<String, Long> skipped,
                       Plan.Outcome overall, List<SliceResult> slices) {}

  private Evaluation() {}

  public static Result run(Dataset<Row> table, Settings s) {
    EvalOptions options = new EvalOptions(s.task, s.logits, s.threshold, s.classWeights, s.columns.containsKey(Role.WEIGHT));
    Tasks.validate(options);
    if (!(s.threshold > 0 && s.threshold < 1)) {
      throw new UsageException("--threshold must be strictly between 0 and 1, got " + s.threshold);
    }
    Plan plan = Plan.build(Catalogs.standard(), options, s.losses, s.metrics, Tasks.parts(options), Tasks.rule(options));
    Binding binding = new Binding(table, s.columns, Tasks.shapes(s.task), s.slices);
    Dataset<Row> projected = binding.project(table);
    if (s.partitions > 0) projected = projected.repartition(s.partitions);
    boolean ranks = RankJob.defer(plan.prototype());
    Partial p = Engine.run(projected, binding.reader(), plan.rule(), new Partial(plan.prototype(), s.maxSlices));
    check(p, s);
    StatSet all = p.overall();
    if (ranks) { // exact AUC: one sort job, completing the overall and per-slice states
      RankJob.complete(projected, binding.reader(), plan.rule(), all, binding.slices().isEmpty() ? Map.of() : p.slices());
    }
    Plan.Outcome overall = plan.finish(all);
    List<SliceResult> slices = new ArrayList<>();
    if (!binding.slices().isEmpty()) {
      List<Map.Entry<List<String>, StatSet>> entries = new ArrayList<>(p.slices().entrySet());
      entries.sort(Comparator.comparing(e -> String.join("\u0000", nullsAsText(e.getKey()))));
      for (Map.Entry<List<String>, StatSet> e : entries) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < binding.slices().size(); i++) key.put(binding.slices().get(i), e.getKey().get(i));
        slices.add(new SliceResult(key, plan.finish(e.getValue())));
      }
    }
    return new Result(plan, binding, p.rows(), p.rows() - p.skippedTotal(), p.skipped(), overall, slices);
  }

  private static List<String> nullsAsText(List<String> key) {
    List<String> out = new ArrayList<>();
    for (String k : key) out.add(k == null ? "\uffff" : k);
    return out;
  }

  private static void check(Partial p, Settings s) {
    if (p.sliceOverflow()) {
      throw new UsageException("--slice " + String.join(",", s.slices) + " has more than " + p.maxSlices()
          + " distinct values; slice by columns with fewer values (or raise --max-slices)");
    }
    if (p.rows() == 0) throw new UsageException("the input table has no rows; there is nothing to evaluate");
    long bad = p.skippedTotal();
    if (bad > 0 && !s.skipBadRows) {
      throw new UsageException("bad row at " + p.firstBad() + " (" + bad + " bad row" + (bad == 1 ? "" : "s")
          + " in all: " + p.skipped() + "); fix the input, or pass --bad-rows skip to exclude and count them");
    }
    if (bad == p.rows()) {
      throw new UsageException("every row (" + bad + ") is bad, nothing is left to evaluate: " + p.skipped()
          + "; first: " + p.firstBad());
    }
  }
}
