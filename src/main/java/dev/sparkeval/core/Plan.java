package dev.sparkeval.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation computes: the resolved losses and metrics, the report blocks, the row
 * rule, and the fused prototype state that the engine folds every row into.
 */
public final class Plan {
  private final Task task;
  private final EvalOptions options;
  private final List<Catalog.Resolved> losses;
  private final List<Catalog.Resolved> metrics;
  private final List<ReportPart> parts;
  private final RowRule taskRule;
  private final RowRule rule;
  private final StatSet prototype;
  private final StatSet overallPrototype;

  public Plan(Task task, EvalOptions options, List<Catalog.Resolved> losses, List<Catalog.Resolved> metrics,
              List<ReportPart> parts, RowRule rule) {
    this.task = task;
    this.options = options;
    this.losses = List.copyOf(losses);
    this.metrics = List.copyOf(metrics);
    this.parts = List.copyOf(parts);
    this.taskRule = rule;
    List<RowCheck> domains = new ArrayList<>();
    for (Catalog.Resolved r : losses) if (r.measure().rowCheck() != null) domains.add(r.measure().rowCheck());
    for (Catalog.Resolved r : metrics) if (r.measure().rowCheck() != null) domains.add(r.measure().rowCheck());
    this.rule = rule.then(domains);
    List<Stat> protos = new ArrayList<>(List.of(new WeightStat())); // rows and weight sum, always reported
    for (Catalog.Resolved r : losses) protos.addAll(r.measure().needs());
    for (Catalog.Resolved r : metrics) protos.addAll(r.measure().needs());
    for (ReportPart p : parts) if (!p.overallOnly()) protos.addAll(p.needs());
    this.prototype = StatSet.of(protos);
    if (task == Task.MULTILABEL && options.ignoring()) checkElementMasks(losses, metrics);
    java.util.Set<String> have = new java.util.HashSet<>();
    for (Stat st : prototype.stats()) have.add(st.key());
    List<Stat> overall = new ArrayList<>();
    for (ReportPart p : parts) {
      if (p.overallOnly()) for (Stat st : p.needs()) if (!have.contains(st.key())) overall.add(st);
    }
    this.overallPrototype = StatSet.of(overall);
  }

  /**
   * Multilabel with --ignore-index leaves single label elements out; a measure whose states would
   * read such an element as a 0 is refused rather than computed wrong.
   */
  private static void checkElementMasks(List<Catalog.Resolved> losses, List<Catalog.Resolved> metrics) {
    List<Catalog.Resolved> all = new ArrayList<>(losses);
    all.addAll(metrics);
    for (Catalog.Resolved r : all) {
      for (Stat st : r.measure().needs()) {
        if (!st.skipsIgnoredElements()) {
          throw new UsageException(r.spec().text() + " cannot leave out single label elements, which --ignore-index does"
              + " for multilabel; evaluate it without --ignore-index (on rows without that label value)");
        }
      }
    }
  }

  /** Resolves the specs against the catalogue; an empty list means the task's defaults. */
  public static Plan build(Catalog catalog, EvalOptions options, List<String> lossSpecs, List<String> metricSpecs,
                           List<ReportPart> parts, RowRule rule) {
    Task task = options.task();
    List<String> ls = lossSpecs.isEmpty() && metricSpecs.isEmpty() ? task.defaultLosses() : lossSpecs;
    List<String> ms = lossSpecs.isEmpty() && metricSpecs.isEmpty() ? task.defaultMetrics() : metricSpecs;
    List<Catalog.Resolved> losses = new ArrayList<>();
    for (String s : distinct(ls, "--loss")) losses.add(catalog.resolve(s, options));
    List<Catalog.Resolved> metrics = new ArrayList<>();
    for (String s : distinct(ms, "--metric")) metrics.add(catalog.resolve(s, options));
    return new Plan(task, options, losses, metrics, parts, rule);
  }

  /** The same plan with an N-replicate Poisson bootstrap folded into the same pass (report block "intervals"). */
  public Plan withBootstrap(int replicates, long seed) {
    List<ReportPart> ps = new ArrayList<>(parts);
    ps.add(new Bootstrap(losses, metrics, replicates, seed));
    return new Plan(task, options, losses, metrics, ps, taskRule);
  }

  /** The same plan with one more report block (for blocks that depend on the resolved measures). */
  public Plan withPart(ReportPart part) {
    List<ReportPart> ps = new ArrayList<>(parts);
    ps.add(part);
    return new Plan(task, options, losses, metrics, ps, rule);
  }

  private static List<String> distinct(List<String> specs, String option) {
    List<String> out = new ArrayList<>();
    for (String s : specs) {
      if (out.contains(s.trim())) throw new UsageException(option + " '" + s + "' is given twice");
      out.add(s.trim());
    }
    return out;
  }

  public Task task() { return task; }

  public EvalOptions options() { return options; }

  public List<Catalog.Resolved> losses() { return losses; }

  public List<Catalog.Resolved> metrics() { return metrics; }

  /** The task's row checks, then the domain checks of the measures asked for. */
  public RowRule rule() { return rule; }

  /** The states folded per slice: every measure and the per-slice report blocks. */
  public StatSet prototype() { return prototype; }

  /** The states folded once overall: the overall-only report blocks (may be empty). */
  public StatSet overallPrototype() { return overallPrototype; }

  /** Finished values of one state set: losses and metrics keyed by spec text, and the report blocks. */
  public record Outcome(long rows, double weightSum, Map<String, Value> losses, Map<String, Value> metrics,
                        Map<String, Object> parts) {}

  public Outcome finish(StatSet stats) {
    return finish(stats, false);
  }

  /** The overall outcome: {@code stats} holds the merged per-slice states, {@code overallOnly} the rest. */
  public Outcome finishOverall(StatSet stats, StatSet overallOnly) {
    return finish(StatSet.concat(stats, overallOnly), true);
  }

  private Outcome finish(StatSet stats, boolean overall) {
    WeightStat w = stats.get(new WeightStat());
    Map<String, Value> l = new LinkedHashMap<>();
    for (Catalog.Resolved r : losses) l.put(r.spec().text(), r.measure().finish(stats));
    Map<String, Value> m = new LinkedHashMap<>();
    for (Catalog.Resolved r : metrics) m.put(r.spec().text(), r.measure().finish(stats));
    Map<String, Object> p = new LinkedHashMap<>();
    if (w.count() > 0) for (ReportPart part : parts) if (overall || !part.overallOnly()) p.put(part.key(), part.finish(stats));
    return new Outcome(w.count(), w.weight().value(), l, m, p);
  }
}
