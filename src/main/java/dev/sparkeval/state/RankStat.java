package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import java.util.List;

/**
 * The scores behind exact ROC AUC and average precision, per class (binary: one; multiclass: one
 * versus rest per class; multilabel: per label), walked from the highest score down with
 * {@link RankSums}. Other walks over the same scores (equal error rate, partial AUC) share this
 * state and its sort (see {@link OrderStat}).
 */
public final class RankStat extends OrderStat implements Walked {
  private static final long serialVersionUID = 1L;
  private final Task task;
  private final boolean logits;
  private RankSums[] done;

  public RankStat(Task task, boolean logits) {
    this.task = task;
    this.logits = logits && task != Task.MULTICLASS; // multiclass one-vs-rest ranks probabilities, as sklearn requires
  }

  @Override public String key() { return "rank:" + task.id() + (logits ? ":logits" : ""); }

  @Override protected OrderStat blank() { return new RankStat(task, logits); }

  public boolean scoresAreLogits() { return logits; }

  public Task task() { return task; }

  /** Classes of a row: 1 for binary, the vector length otherwise. */
  public static int classesOf(Task task, Example e) {
    return task == Task.BINARY ? 1 : e.predictionVec.length;
  }

  @Override public int channels(Example e) { return classesOf(task, e); }

  @Override public double value(Example e, int c) { return score(e, c); }

  @Override public boolean side(Example e, int c) { return positive(e, c); }

  /** Multilabel: an element left out by --ignore-index is in no label's ranking. */
  @Override public boolean includes(Example e, int c) {
    return task != Task.MULTILABEL || !Example.ignored(e.labelVec[c]);
  }

  @Override public boolean skipsIgnoredElements() { return true; }

  @Override public boolean descending() { return true; }

  @Override public long layoutKey(double v) {
    return logits ? OrderKeys.ascending(v) : OrderKeys.probability(v);
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

  /** Exact sums for class c: from the sort job, or by walking the distinct scores kept here. */
  public RankSums sums(int c) {
    if (done != null && done[c] != null) return done[c];
    RankSums sum = new RankSums();
    for (OrderWalk w : walkLocally(c, walker(this, c))) sum.merge((RankSums) w);
    return sum;
  }
}
