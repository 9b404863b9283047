package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.Decisions;
import java.math.BigDecimal;

/**
 * The one confusion-count state every accuracy-family metric, the confusion matrix and the
 * per-class table finish from. Binary and multiclass: a K x K matrix, cell [true][predicted];
 * multilabel: per label a 2 x 2 matrix [truth][decision]. Unit-weight rows are counted in longs,
 * other weights summed exactly, so cells are exact weight sums. Rows per class are also counted,
 * so that "labels present" (scikit-learn's unique_labels) ignores weights as scikit-learn does.
 */
public final class ConfusionStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final Task task;
  private final double threshold;
  private int k = -1;
  private long[] counts;
  private ExactSum[] weights;
  private long[] seenTrue, seenPred;

  public ConfusionStat(Task task, double threshold) {
    this.task = task;
    this.threshold = threshold;
  }

  @Override public String key() {
    return "confusion:" + task.id() + (task == Task.MULTICLASS ? "" : ":threshold=" + threshold);
  }

  @Override public Stat fresh() { return new ConfusionStat(task, threshold); }

  private void size(int n) {
    if (k == n) return;
    if (k >= 0) throw mismatch(k, n);
    k = n;
    int cells = task == Task.MULTILABEL ? 4 * n : n * n;
    counts = new long[cells];
    weights = new ExactSum[cells];
    seenTrue = new long[n];
    seenPred = new long[n];
  }

  public static UsageException mismatch(int a, int b) {
    return new UsageException("prediction vectors have different lengths: " + a + " in some rows and " + b
        + " in others; every row must give the same number of classes");
  }

  private void put(int cell, double w) {
    if (w == 1.0) counts[cell]++;
    else {
      if (weights[cell] == null) weights[cell] = new ExactSum();
      weights[cell].add(w);
    }
  }

  @Override public void add(Example e) {
    switch (task) {
      case BINARY -> {
        size(2);
        int y = (int) e.label, d = e.prediction > threshold ? 1 : 0;
        put(y * 2 + d, e.weight);
        seenTrue[y]++;
        seenPred[d]++;
      }
      case MULTICLASS -> {
        size(e.predictionVec.length);
        int y = (int) e.label, d = Decisions.argmax(e.logitVec != null ? e.logitVec : e.predictionVec);
        put(y * k + d, e.weight);
        seenTrue[y]++;
        seenPred[d]++;
      }
      default -> {
        size(e.labelVec.length);
        for (int l = 0; l < k; l++) {
          if (Example.ignored(e.labelVec[l])) continue;
          int y = e.labelVec[l] == 1.0 ? 1 : 0, d = e.predictionVec[l] > threshold ? 1 : 0;
          put(4 * l + 2 * y + d, e.weight);
        }
      }
    }
  }

  @Override public void merge(Stat other) {
    ConfusionStat o = same(other, ConfusionStat.class);
    if (o.k < 0) return;
    size(o.k);
    for (int i = 0; i < counts.length; i++) {
      counts[i] += o.counts[i];
      if (o.weights[i] != null) {
        if (weights[i] == null) weights[i] = new ExactSum();
        weights[i].merge(o.weights[i]);
      }
    }
    for (int i = 0; i < k; i++) {
      seenTrue[i] += o.seenTrue[i];
      seenPred[i] += o.seenPred[i];
    }
  }

  public Task task() { return task; }

  @Override public boolean skipsIgnoredElements() { return true; }

  /** Classes (binary, multiclass) or labels (multilabel); -1 before any row. */
  public int classes() { return k; }

  /** The exact weight sum of a cell, rounded to 40 digits (far beyond a double). */
  public BigDecimal cell(int i) {
    BigDecimal c = BigDecimal.valueOf(counts[i]);
    return weights[i] == null ? c : c.add(weights[i].exact(), Exact.MC);
  }

  /** Binary / multiclass: weight of true class t predicted as p. */
  public BigDecimal cell(int t, int p) { return cell(t * k + p); }

  /** Multilabel: weight of label l with truth y and decision d. */
  public BigDecimal label(int l, int y, int d) { return cell(4 * l + 2 * y + d); }

  /** Whether class c occurs among the true labels or the decisions (scikit-learn's unique_labels). */
  public boolean present(int c) {
    return task == Task.MULTILABEL || seenTrue[c] > 0 || seenPred[c] > 0;
  }
}
