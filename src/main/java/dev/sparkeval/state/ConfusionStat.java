package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.Decisions;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The one confusion-count state every accuracy-family metric, the confusion matrix and the
 * per-class table finish from. Binary and multiclass: a K x K matrix, cell [true][predicted];
 * multilabel: per label a 2 x 2 matrix [truth][decision]. Unit-weight rows are counted in longs,
 * other weights summed exactly, so cells are exact weight sums. Rows per class are also counted,
 * so that "labels present" (scikit-learn's unique_labels) ignores weights as scikit-learn does.
 *
 * <p>Rows marked {@link Example#growing} (multiclass class indices, multilabel label sets) grow the
 * state to the largest class seen instead of fixing K at the first row; multilabel then keeps the
 * row total and derives each label's true negatives from it (a label absent from a row is a true
 * negative there).
 *
 * <p>Multilabel label elements that --ignore-index marks are left out of their label's cells; a
 * state that met one keeps the row total too (every row counts in it, whatever it left out).
 */
public final class ConfusionStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final Task task;
  private final double threshold;
  private int k = -1;
  private boolean growing;
  private long[] counts;
  private ExactSum[] weights;
  private long[] seenTrue, seenPred;
  private long rows;           // multilabel: the row total, unit weights counted
  private ExactSum rowWeight;  // and other weights summed
  private boolean leftOut;     // multilabel: some label element was left out (--ignore-index)

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
    if (growing) {
      grow(n);
      return;
    }
    if (k >= 0) throw mismatch(k, n);
    k = n;
    int cells = task == Task.MULTILABEL ? 4 * n : n * n;
    counts = new long[cells];
    weights = new ExactSum[cells];
    seenTrue = new long[n];
    seenPred = new long[n];
  }

  /** Widens to n classes (never narrows), moving multiclass cells to their place in the wider matrix. */
  private void grow(int n) {
    if (n <= k) return;
    int old = k;
    if (old < 0 || task == Task.MULTILABEL) {
      int cells = task == Task.MULTILABEL ? 4 * n : n * n;
      counts = old < 0 ? new long[cells] : Arrays.copyOf(counts, cells);
      weights = old < 0 ? new ExactSum[cells] : Arrays.copyOf(weights, cells);
    } else {
      long[] c = new long[n * n];
      ExactSum[] w = new ExactSum[n * n];
      for (int t = 0; t < old; t++) {
        System.arraycopy(counts, t * old, c, t * n, old);
        System.arraycopy(weights, t * old, w, t * n, old);
      }
      counts = c;
      weights = w;
    }
    seenTrue = old < 0 ? new long[n] : Arrays.copyOf(seenTrue, n);
    seenPred = old < 0 ? new long[n] : Arrays.copyOf(seenPred, n);
    k = n;
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
    growing |= e.growing;
    switch (task) {
      case BINARY -> {
        size(2);
        int y = (int) e.label, d = e.prediction > threshold ? 1 : 0;
        put(y * 2 + d, e.weight);
        seenTrue[y]++;
        seenPred[d]++;
      }
      case MULTICLASS -> {
        int y = (int) e.label, d;
        if (e.predictionVec == null) { // the prediction is the decided class
          d = (int) e.prediction;
          grow(Math.max(y, d) + 1);
        } else {
          size(e.predictionVec.length);
          d = Decisions.argmax(e.logitVec != null ? e.logitVec : e.predictionVec);
        }
        put(y * k + d, e.weight);
        seenTrue[y]++;
        seenPred[d]++;
      }
      default -> {
        size(e.labelVec.length);
        addRow(e.weight);
        if (growing) {
          for (int l = 0; l < e.labelVec.length; l++) {
            int y = e.labelVec[l] == 1.0 ? 1 : 0, d = e.predictionVec[l] > threshold ? 1 : 0;
            if (y + d > 0) put(4 * l + 2 * y + d, e.weight); // true negatives follow from the row total
            seenTrue[l] += y;
          }
          return;
        }
        for (int l = 0; l < k; l++) {
          if (Example.ignored(e.labelVec[l])) {
            leftOut = true;
            continue;
          }
          int y = e.labelVec[l] == 1.0 ? 1 : 0, d = e.predictionVec[l] > threshold ? 1 : 0;
          put(4 * l + 2 * y + d, e.weight);
          seenTrue[l] += y;
        }
      }
    }
  }

  private void addRow(double w) {
    if (w == 1.0) rows++;
    else {
      if (rowWeight == null) rowWeight = new ExactSum();
      rowWeight.add(w);
    }
  }

  /** Binary batches: unweighted rows in register counts, weighted ones as add(Example) does; vectors row by row. */
  @Override public void add(Batch b) {
    if (task != Task.BINARY) {
      super.add(b);
      return;
    }
    size(2);
    double[] y = b.label, p = b.prediction, w = b.weight;
    double t = threshold;
    if (w != null) {
      for (int i = 0; i < b.size; i++) {
        int yi = (int) y[i], d = p[i] > t ? 1 : 0;
        put(yi * 2 + d, w[i]);
        seenTrue[yi]++;
        seenPred[d]++;
      }
      return;
    }
    long pos = 0, dec = 0, both = 0; // rows with y = 1, with decision 1, with both
    for (int i = 0; i < b.size; i++) {
      int yi = (int) y[i], d = p[i] > t ? 1 : 0;
      pos += yi;
      dec += d;
      both += yi & d;
    }
    counts[0] += b.size - pos - dec + both;
    counts[1] += dec - both;
    counts[2] += pos - both;
    counts[3] += both;
    seenTrue[1] += pos;
    seenTrue[0] += b.size - pos;
    seenPred[1] += dec;
    seenPred[0] += b.size - dec;
  }

  @Override public void merge(Stat other) {
    ConfusionStat o = same(other, ConfusionStat.class);
    if (o.k < 0) return;
    growing |= o.growing;
    leftOut |= o.leftOut;
    if (growing) grow(o.k);
    else size(o.k);
    rows += o.rows;
    if (o.rowWeight != null) {
      if (rowWeight == null) rowWeight = new ExactSum();
      rowWeight.merge(o.rowWeight);
    }
    boolean square = task != Task.MULTILABEL;
    for (int i = 0; i < o.counts.length; i++) {
      int j = square ? (i / o.k) * k + i % o.k : i; // the same cell in this (maybe wider) matrix
      counts[j] += o.counts[i];
      if (o.weights[i] != null) {
        if (weights[j] == null) weights[j] = new ExactSum();
        weights[j].merge(o.weights[i]);
      }
    }
    for (int i = 0; i < o.k; i++) {
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
  public BigDecimal label(int l, int y, int d) {
    if (!growing || y + d > 0) return cell(4 * l + 2 * y + d);
    return total().subtract(cell(4 * l + 1), Exact.MC).subtract(cell(4 * l + 2), Exact.MC).subtract(cell(4 * l + 3), Exact.MC);
  }

  /** Multilabel: whether some label element was left out (--ignore-index), so that labels have weights of their own. */
  public boolean leftOut() { return leftOut; }

  /** Multilabel: the exact weight of label l's elements counted (every row's unless elements were left out). */
  public BigDecimal labelTotal(int l) {
    if (growing) return total();
    BigDecimal t = BigDecimal.ZERO;
    for (int i = 4 * l; i < 4 * l + 4; i++) if (counts[i] != 0 || weights[i] != null) t = t.add(cell(i), Exact.MC);
    return t;
  }

  /** The exact weight of all rows. */
  public BigDecimal total() {
    if (task == Task.MULTILABEL && (growing || leftOut)) {
      BigDecimal r = BigDecimal.valueOf(rows);
      return rowWeight == null ? r : r.add(rowWeight.exact(), Exact.MC);
    }
    BigDecimal t = BigDecimal.ZERO;
    int cells = task == Task.MULTILABEL ? Math.min(4, counts.length) : counts.length;
    for (int i = 0; i < cells; i++) if (counts[i] != 0 || weights[i] != null) t = t.add(cell(i), Exact.MC);
    return t;
  }

  /** Whether class c occurs among the true labels or the decisions (scikit-learn's unique_labels). */
  public boolean present(int c) {
    return task == Task.MULTILABEL || seenTrue[c] > 0 || seenPred[c] > 0;
  }

  /** Whether some row is truly of class c (multilabel: has label c), whatever its weight (MLlib's hammingLoss labels). */
  public boolean presentInTruth(int c) { return seenTrue[c] > 0; }
}
