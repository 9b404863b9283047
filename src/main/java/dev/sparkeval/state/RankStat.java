package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of exact ROC AUC and average precision, per class (binary: one; multiclass: one
 * versus rest per class; multilabel: per label). Always kept: a {@link ScoreHistogram} on the
 * logit axis, the totals and the layout of the sort job. In plain Java the weight per distinct
 * score is kept too and sorted at the end. On Spark the state is "deferred": the pass fills only
 * the histograms, and one sort job (spark.eval.RankJob) walks the distinct scores in order and hands
 * the exact sums back through {@link #complete}; no score ever travels to the driver.
 */
public final class RankStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final int LAYOUT_BINS = 256;
  private final Task task;
  private final boolean logits;
  private boolean deferred;
  private boolean external;
  private int k = -1;
  private ScoreHistogram[] layout;
  private List<Map<Double, PosNeg>> local;
  private RankSums[] done;
  private PosNeg[] totals;

  public RankStat(Task task, boolean logits) {
    this.task = task;
    this.logits = logits && task != Task.MULTICLASS; // multiclass one-vs-rest ranks probabilities, as sklearn requires
  }

  @Override public boolean needsSortJob() { return true; }

  @Override public String key() { return "rank:" + task.id() + (logits ? ":logits" : ""); }

  @Override public Stat fresh() {
    RankStat s = new RankStat(task, logits);
    s.deferred = deferred;
    s.external = external;
    return s;
  }

  /** Spark mode: the pass fills histograms only; the sort job supplies the rest. */
  public void defer() { deferred = true; }

  /**
   * Spark mode of a bootstrap replicate: the pass keeps nothing but the class count (a histogram
   * per replicate would cost too much); the sort job supplies the sums and the totals.
   */
  public void external() {
    deferred = true;
    external = true;
  }

  public boolean scoresAreLogits() { return logits; }

  public Task task() { return task; }

  public int classes() { return k; }

  private void size(int n) {
    if (k == n) return;
    if (k >= 0) throw ConfusionStat.mismatch(k, n);
    k = n;
    if (external) return;
    layout = new ScoreHistogram[n];
    local = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      layout[c] = new ScoreHistogram(LAYOUT_BINS, true);
      local.add(new HashMap<>());
    }
  }

  /** Classes of a row: 1 for binary, the vector length otherwise. */
  public static int classesOf(Task task, Example e) {
    return task == Task.BINARY ? 1 : e.predictionVec.length;
  }

  /** The score ranked for class c (+0.0 folds -0.0 into 0.0). */
  public double score(Example e, int c) {
    return switch (task) {
      case BINARY -> (logits ? e.logit : e.prediction) + 0.0;
      case MULTICLASS -> e.predictionVec[c] + 0.0;
      default -> (logits ? e.logitVec[c] : e.predictionVec[c]) + 0.0;
    };
  }

  public boolean positive(Example e, int c) {
    return switch (task) {
      case BINARY -> e.label == 1.0;
      case MULTICLASS -> (int) e.label == c;
      default -> e.labelVec[c] == 1.0;
    };
  }

  @Override public void add(Example e) {
    size(classesOf(task, e));
    if (external) return;
    for (int c = 0; c < k; c++) {
      double s = score(e, c);
      boolean pos = positive(e, c);
      layout[c].add(s, logits, pos, e.weight);
      if (!deferred) local.get(c).computeIfAbsent(s, x -> new PosNeg()).add(pos, e.weight);
    }
  }

  @Override public void merge(Stat other) {
    RankStat o = same(other, RankStat.class);
    if (o.k < 0) return;
    size(o.k);
    if (external) return;
    for (int c = 0; c < k; c++) {
      layout[c].merge(o.layout[c]);
      if (deferred) continue;
      Map<Double, PosNeg> mine = local.get(c);
      for (Map.Entry<Double, PosNeg> e : o.local.get(c).entrySet()) {
        PosNeg m = mine.get(e.getKey());
        if (m == null) mine.put(e.getKey(), e.getValue().copy());
        else m.merge(e.getValue());
      }
    }
  }

  public ScoreHistogram layout(int c) { return layout[c]; }

  /** Total positive and negative weight of class c. */
  public PosNeg total(int c) {
    if (totals != null) return totals[c] == null ? new PosNeg() : totals[c].copy();
    PosNeg t = new PosNeg();
    for (int b = 0; b < LAYOUT_BINS; b++) {
      PosNeg cell = layout[c].cell(b);
      if (cell != null) t.merge(cell);
    }
    return t;
  }

  /** The sort job's exact sums for every class. */
  public void complete(RankSums[] sums) {
    done = sums;
  }

  /** The sort job's exact sums and total weights for every class (a bootstrap replicate's: it kept no histogram). */
  public void complete(RankSums[] sums, PosNeg[] classTotals) {
    done = sums;
    totals = classTotals;
  }

  /** Exact sums for class c: from the sort job, or by sorting the distinct scores kept here. */
  public RankSums sums(int c) {
    if (done != null) return done[c] == null ? new RankSums() : done[c];
    if (deferred) throw new IllegalStateException("exact AUC state was not completed by the sort job");
    List<Double> scores = new ArrayList<>(local.get(c).keySet());
    scores.sort((a, b) -> Double.compare(b, a));
    RankSums r = new RankSums();
    r.start(null);
    for (Double s : scores) r.next(local.get(c).get(s));
    return r;
  }
}
