package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
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
 *
 * <p>Two variants rank differently: pooled (micro average) ranks every (row, class) element in
 * one group; by class (multiclass one-vs-one) keeps the per-class groups but tags each row with
 * its true class, so the walk also yields the numerator of every class-against-class AUC.
 */
public final class RankStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final int LAYOUT_BINS = 256;
  /** Most classes ranked by class (one-vs-one AUC keeps K^2 exact sums). */
  public static final int MAX_BY_CLASS = 256;
  private final Task task;
  private final boolean logits;
  private final boolean pooled;
  private final boolean byClass;
  private boolean deferred;
  private int k = -1;
  private ScoreHistogram[] layout;
  private List<Map<Double, PosNeg>> local;
  private List<Map<Double, ClassWeights>> localClasses;
  private RankSums[] done;

  public RankStat(Task task, boolean logits) {
    this(task, logits, false, false);
  }

  /** pooled: one group of every (row, class) element (micro); byClass: rows tagged with their true class (one-vs-one). */
  public RankStat(Task task, boolean logits, boolean pooled, boolean byClass) {
    this.task = task;
    this.logits = logits && task != Task.MULTICLASS; // multiclass one-vs-rest ranks probabilities, as sklearn requires
    this.pooled = pooled && task != Task.BINARY;
    this.byClass = byClass && task == Task.MULTICLASS;
  }

  /** Receives the ranked elements of one row. */
  public interface Sink {
    void accept(int group, double score, boolean positive, int trueClass);
  }

  @Override public boolean needsSortJob() { return true; }

  @Override public String key() {
    return "rank:" + task.id() + (logits ? ":logits" : "") + (pooled ? ":pooled" : "") + (byClass ? ":by_class" : "");
  }

  @Override public Stat fresh() {
    RankStat s = new RankStat(task, logits, pooled, byClass);
    s.deferred = deferred;
    return s;
  }

  /** Spark mode: the pass fills histograms only; the sort job supplies the rest. */
  public void defer() { deferred = true; }

  public boolean scoresAreLogits() { return logits; }

  public Task task() { return task; }

  public int classes() { return k; }

  /** Groups ranked separately: one when pooled, else one per class; -1 before any row. */
  public int groups() { return k < 0 ? -1 : pooled ? 1 : k; }

  /** Whether the walk needs each row's true class ({@link Sink}'s trueClass). */
  public boolean byClass() { return byClass; }

  /** Refuses, before the sums are made, more classes than the one-vs-one sums may hold. */
  public void checkSize() {
    if (byClass && k > MAX_BY_CLASS) {
      throw new UsageException("auc_roc:multi_class=ovo keeps an exact sum per pair of classes; " + k + " classes are more than"
          + " its limit of " + MAX_BY_CLASS + "; use the one-vs-rest auc_roc (or average=micro) instead");
    }
  }
  private void size(int n) {
    if (k == n) return;
    if (k >= 0) throw ConfusionStat.mismatch(k, n);
    k = n;
    int g = groups();
    layout = new ScoreHistogram[g];
    local = new ArrayList<>();
    localClasses = byClass ? new ArrayList<>() : null;
    for (int c = 0; c < g; c++) {
      layout[c] = new ScoreHistogram(LAYOUT_BINS, true);
      local.add(new HashMap<>());
      if (byClass) localClasses.add(new HashMap<>());
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

  /** The ranked elements of a row, in a fixed order: per class, or all in group 0 when pooled. */
  public void elements(Example e, Sink out) {
    int y = task == Task.MULTICLASS ? (int) e.label : -1;
    for (int c = 0; c < k; c++) out.accept(pooled ? 0 : c, score(e, c), positive(e, c), y);
  }

  @Override public void add(Example e) { // the loop of elements(), without a callback on the pass's hot path
    size(classesOf(task, e));
    int y = task == Task.MULTICLASS ? (int) e.label : -1;
    for (int c = 0; c < k; c++) {
      int g = pooled ? 0 : c;
      double s = score(e, c);
      boolean pos = positive(e, c);
      layout[g].add(s, logits, pos, e.weight);
      if (deferred) continue;
      local.get(g).computeIfAbsent(s, x -> new PosNeg()).add(pos, e.weight);
      if (byClass) localClasses.get(g).computeIfAbsent(s, x -> new ClassWeights()).add(y, e.weight);
    }
  }

  @Override public void merge(Stat other) {
    RankStat o = same(other, RankStat.class);
    if (o.k < 0) return;
    size(o.k);
    for (int c = 0; c < groups(); c++) {
      layout[c].merge(o.layout[c]);
      if (deferred) continue;
      Map<Double, PosNeg> mine = local.get(c);
      for (Map.Entry<Double, PosNeg> e : o.local.get(c).entrySet()) {
        PosNeg m = mine.get(e.getKey());
        if (m == null) mine.put(e.getKey(), e.getValue().copy());
        else m.merge(e.getValue());
      }
      if (!byClass) continue;
      Map<Double, ClassWeights> mc = localClasses.get(c);
      for (Map.Entry<Double, ClassWeights> e : o.localClasses.get(c).entrySet()) {
        mc.computeIfAbsent(e.getKey(), x -> new ClassWeights()).merge(e.getValue());
      }
    }
  }

  public ScoreHistogram layout(int c) { return layout[c]; }

  /** Total positive and negative weight of group c (class c, or every element when pooled). */
  public PosNeg total(int c) {
    PosNeg t = new PosNeg();
    for (int b = 0; b < LAYOUT_BINS; b++) {
      PosNeg cell = layout[c].cell(b);
      if (cell != null) t.merge(cell);
    }
    return t;
  }

  /** The sort job's exact sums for every group. */
  public void complete(RankSums[] sums) {
    done = sums;
  }

  /** Exact sums for group c: from the sort job, or by sorting the distinct scores kept here. */
  public RankSums sums(int c) {
    if (done != null) return done[c] == null ? new RankSums() : done[c];
    if (deferred) throw new IllegalStateException("exact AUC state was not completed by the sort job");
    checkSize();
    List<Double> scores = new ArrayList<>(local.get(c).keySet());
    scores.sort((a, b) -> Double.compare(b, a));
    RankSums r = new RankSums();
    r.start(null);
    for (Double s : scores) r.next(local.get(c).get(s), byClass ? localClasses.get(c).get(s) : null);
    return r;
  }
}
