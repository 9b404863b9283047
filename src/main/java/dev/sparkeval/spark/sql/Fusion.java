package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.spark.eval.RowReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one aggregation state computes: the SQL calls folded into it (several when the optimizer
 * fuses calls over the same columns and options), their columns and how they are read, and one
 * {@link Plan} per candidate task holding every call's measure once (states shared by key, as in
 * the evaluate command). Calls fuse only when {@link #key} agrees; plans are built where needed.
 */
final class Fusion implements Serializable {
  private static final long serialVersionUID = 1L;
  final List<Role> roles;
  final List<RowReader.Kind> kinds;
  final List<EvalOptions> options;  // one per candidate task
  final List<List<String>> specs;   // per candidate, each call's spec (null for rows_skipped)
  final List<String> calls;         // each call as written, for messages and plans
  final List<String> columns;       // each column argument as written
  final boolean skip;
  final boolean global;             // no GROUP BY: positions are the partition's rows
  private transient Plan[] plans;

  Fusion(List<Role> roles, List<RowReader.Kind> kinds, List<EvalOptions> options, List<List<String>> specs,
         List<String> calls, List<String> columns, boolean skip, boolean global) {
    this.roles = List.copyOf(roles);
    this.kinds = List.copyOf(kinds);
    this.options = List.copyOf(options);
    this.specs = specs.stream().map(s -> java.util.Collections.unmodifiableList(new ArrayList<>(s))).toList();
    this.calls = List.copyOf(calls);
    this.columns = List.copyOf(columns);
    this.skip = skip;
    this.global = global;
  }

  /** One resolved call as a fusion of its own. */
  static Fusion of(SqlCall c, String display, List<String> columns, boolean global) {
    List<List<String>> specs = new ArrayList<>();
    for (SqlCall.Candidate k : c.candidates) specs.add(Arrays.asList(k.spec()));
    return new Fusion(c.roles, c.kinds, c.candidates.stream().map(SqlCall.Candidate::options).toList(), specs,
        List.of(display), columns, c.skip, global);
  }

  /** Several fusions with equal keys as one, calls in order. */
  static Fusion fuse(List<Fusion> parts, boolean global) {
    Fusion first = parts.get(0);
    List<List<String>> specs = new ArrayList<>();
    for (int t = 0; t < first.options.size(); t++) {
      List<String> s = new ArrayList<>();
      for (Fusion f : parts) s.addAll(f.specs.get(t));
      specs.add(s);
    }
    List<String> calls = new ArrayList<>();
    for (Fusion f : parts) calls.addAll(f.calls);
    return new Fusion(first.roles, first.kinds, first.options, specs, calls, first.columns, first.skip, global);
  }

  /** Calls with equal keys (and equal column expressions and clauses, which the rule checks) read rows alike. */
  String key() {
    StringBuilder b = new StringBuilder().append(roles).append(kinds).append(skip);
    for (EvalOptions o : options) {
      b.append('|').append(o.task()).append(',').append(o.logits()).append(',').append(o.threshold()).append(',')
          .append(Arrays.toString(o.classWeights())).append(',').append(o.weighted()).append(',').append(o.ignoreIndex());
    }
    return b.toString();
  }

  int size() {
    return calls.size();
  }

  /** The plan of a candidate task: every distinct spec of the calls, in order. */
  Plan plan(int candidate) {
    if (plans == null) plans = new Plan[options.size()];
    if (plans[candidate] == null) {
      EvalOptions o = options.get(candidate);
      List<Catalog.Resolved> measures = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (String s : specs.get(candidate)) {
        if (s == null || seen.contains(s)) continue;
        seen.add(s);
        measures.add(Catalogs.standard().resolve(s, o));
      }
      plans[candidate] = new Plan(o.task(), o, List.of(), measures, List.of(), Tasks.rule(o));
    }
    return plans[candidate];
  }

  SqlState fresh() {
    return options.size() == 1 ? new SqlState(0, plan(0).prototype().fresh()) : new SqlState(-1, null);
  }

  /** The candidate a state whose first good row has vectors of this length folds: binary for 2 elements. */
  int choose(int predictionLength) {
    return predictionLength == 2 ? 0 : options.size() - 1;
  }

  StatSet freshStats(int candidate) {
    return plan(candidate).prototype().fresh();
  }

  /**
   * Fails with one line when the state holds a bad row (bad_rows=fail) or, overall, only bad rows
   * (bad_rows=skip), as the evaluate command does after its pass.
   */
  void check(SqlState s) {
    long bad = s.skippedTotal();
    if (bad == 0) return;
    String call = calls.get(0);
    if (!skip) {
      throw new UsageException(call + ": bad row " + s.firstBad(global) + " (" + bad + " bad row" + (bad == 1 ? "" : "s")
          + " in all: " + s.skipped() + "); filter such rows out in WHERE, or add 'bad_rows=skip' to the call to skip and count them");
    }
    if (global && bad == s.rows()) {
      throw new UsageException(call + ": every row (" + bad + ") is bad, nothing is left to evaluate: " + s.skipped()
          + "; first: " + s.firstBad(true));
    }
  }

  /** The value of call i for a checked state: NULL when undefined. */
  Object value(SqlState s, int i) {
    int candidate = Math.max(s.candidate(), 0);
    String spec = specs.get(candidate).get(i);
    if (spec == null) return SqlState.skippedMap(s.skipped());
    StatSet stats = s.stats() != null ? s.stats() : freshStats(candidate);
    Plan p = plan(candidate);
    for (Catalog.Resolved r : p.metrics()) {
      if (r.spec().text().equals(spec)) {
        Value v = r.measure().finish(stats);
        return v.defined() ? (Object) v.value() : null;
      }
    }
    throw new IllegalStateException(spec + " not in " + p.metrics());
  }

  /** The SQL type of call i's value: a double, or the bad-row counts by reason. */
  boolean isCounts(int i) {
    return specs.get(0).get(i) == null;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Fusion f && f.key().equals(key()) && f.specs.equals(specs) && f.calls.equals(calls)
        && f.columns.equals(columns) && f.global == global;
  }

  @Override public int hashCode() {
    return key().hashCode() * 31 + calls.hashCode();
  }

  @Override public String toString() {
    return String.join(", ", calls);
  }
}
