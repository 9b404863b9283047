package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.util.List;

/**
 * The scores behind exact ROC AUC and average precision, per class (binary: one; multiclass: one
 * versus rest per class; multilabel: per label), walked from the highest score down with
 * {@link RankSums}. Other walks over the same scores (equal error rate, partial AUC) share this
 * state and its sort (see {@link OrderStat}).
 *
 * <p>Two variants rank differently: pooled (micro average) ranks every (row, class) score in one
 * channel; by class (multiclass one-vs-one) keeps the per-class channels but tags each row with
 * its true class, so the walk also yields the numerator of every class-against-class AUC.
 */
public final class RankStat extends OrderStat implements Walked {
  private static final long serialVersionUID = 1L;
  /** Most classes ranked by class (one-vs-one AUC keeps K^2 exact sums). */
  public static final int MAX_BY_CLASS = 256;
  private final Task task;
  private final boolean logits;
  private final boolean pooled;
  private final boolean byClass;
  private RankSums[] done;

  public RankStat(Task task, boolean logits) {
    this(task, logits, false, false);
  }

  /** pooled: one channel of every (row, class) score (micro); byClass: rows tagged with their true class (one-vs-one). */
  public RankStat(Task task, boolean logits, boolean pooled, boolean byClass) {
    this.task = task;
    this.logits = logits && task != Task.MULTICLASS; // multiclass one-vs-rest ranks probabilities, as sklearn requires
    this.pooled = pooled && task != Task.BINARY;
    this.byClass = byClass && task == Task.MULTICLASS;
  }

  @Override public String key() {
    return "rank:" + task.id() + (logits ? ":logits" : "") + (pooled ? ":pooled" : "") + (byClass ? ":by_class" : "");
  }

  @Override protected OrderStat blank() { return new RankStat(task, logits, pooled, byClass); }

  public boolean scoresAreLogits() { return logits; }

  public Task task() { return task; }

  /** Classes of a row: 1 for binary, the vector length otherwise. */
  public static int classesOf(Task task, Example e) {
    return task == Task.BINARY ? 1 : e.predictionVec.length;
  }

  @Override public int channels(Example e) { return pooled ? 1 : classesOf(task, e); }

  @Override public int elements(Example e) { return classesOf(task, e); }

  @Override public int channelOf(Example e, int j) { return pooled ? 0 : j; }

  @Override public double value(Example e, int j) { return score(e, j); }

  @Override public boolean side(Example e, int j) { return positive(e, j); }

  @Override public boolean tagged() { return byClass; }

  @Override public int tag(Example e, int j) { return byClass ? (int) e.label : -1; }

  /** Multilabel: an element left out by --ignore-index is in no label's ranking. */
  @Override public boolean includes(Example e, int j) {
    return task != Task.MULTILABEL || !Example.ignored(e.labelVec[j]);
  }

  @Override public boolean skipsIgnoredElements() { return true; }

  @Override public boolean descending() { return true; }

  @Override public long layoutKey(double v) {
    return logits ? OrderKeys.ascending(v) : OrderKeys.probability(v);
  }

  /** Refuses, before the sums are made, more classes than the one-vs-one sums may hold. */
  @Override public void checkWalkable() {
    if (byClass && classes() > MAX_BY_CLASS) {
      throw new UsageException("auc_roc:multi_class=ovo keeps an exact sum per pair of classes; " + classes() + " classes are"
          + " more than its limit of " + MAX_BY_CLASS + "; use the one-vs-rest auc_roc (or average=micro) instead");
    }
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

  @Override public OrderStat source() { return this; }

  @Override public OrderWalk.Walker walker(OrderStat data, int channel) {
    return before -> {
      RankSums r = new RankSums();
      r.start(before);
      return r;
    };
  }

  @Override public void complete(int channel, List<OrderWalk> walks) {
    if (done == null || done.length < classes()) done = new RankSums[Math.max(classes(), channel + 1)];
    RankSums sum = new RankSums();
    for (OrderWalk w : walks) sum.merge((RankSums) w);
    done[channel] = sum;
  }

  /** Exact sums for channel c: from the sort job, or by walking the distinct scores kept here. */
  public RankSums sums(int c) {
    if (done != null && done[c] != null) return done[c];
    checkWalkable();
    RankSums sum = new RankSums();
    for (OrderWalk w : walkLocally(c, walker(this, c))) sum.merge((RankSums) w);
    return sum;
  }
}
