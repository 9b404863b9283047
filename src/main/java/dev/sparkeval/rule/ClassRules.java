package dev.sparkeval.rule;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.loss.Decisions;

/**
 * Row checks for binary, multiclass and multilabel predictions. They also normalise the row:
 * element 1 of a 2-element binary vector (as Spark ML writes probability and rawPrediction), and
 * with --logits the logit(s) kept in Example.logit/logitVec and probabilities derived. A rule
 * instance remembers the vector length of its first row (each Spark task has its own copy);
 * different lengths across partitions are refused when the confusion states merge.
 */
public final class ClassRules {
  static final double SUM_TOLERANCE = 1e-6;
  /** Largest class index a multiclass prediction may give as a number (the confusion state grows with its square). */
  public static final int MAX_DECIDED_CLASSES = 2000;
  /** Largest label id a multilabel label set may hold. */
  public static final int MAX_LABEL_ID = 100_000;

  private ClassRules() {}

  static RowRule.Bad bad(String reason, String detail) {
    return new RowRule.Bad(reason, detail);
  }

  /** The ignore index as a label value, or NaN (equal to no label) when there is none. */
  static double ignored(EvalOptions o) {
    return o.ignoring() ? o.ignoreIndex() : Double.NaN;
  }

  /** For a label outside the task's values: the hint to ignore it when it looks like padding (a negative integer). */
  static String padding(double label, double ignore) {
    if (ignore == ignore || label >= 0 || label != Math.rint(label)) return "";
    return " (pass --ignore-index " + (long) label + " to leave such rows out, as PyTorch's padding)";
  }

  static RowRule.Bad probabilities(double[] v, boolean sumToOne) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0 || v[i] > 1) {
        return bad("probability_out_of_range", "prediction element " + i + " is " + v[i]
            + "; probabilities must be in [0, 1] (pass --logits if the column holds raw margins)");
      }
      s += v[i];
    }
    if (sumToOne && Math.abs(s - 1) > SUM_TOLERANCE) {
      return bad("probabilities_not_summing_to_1", "prediction vector sums to " + s
          + "; class probabilities must sum to 1 within 1e-6 (pass --logits if the column holds raw margins)");
    }
    return null;
  }

  /** Binary: label 0/1; prediction a probability, a logit, or a 2-element vector (element 1 used). */
  public static final class Binary implements RowRule {
    private static final long serialVersionUID = 1L;
    private final boolean logits;
    private final double ignore;

    public Binary(EvalOptions o) {
      this.logits = o.logits();
      this.ignore = ignored(o);
    }

    @Override public Bad check(Example e) {
      if (e.label == ignore) return RowRule.IGNORED;
      if (e.label != 0.0 && e.label != 1.0) {
        return bad("label_out_of_range", "label is " + e.label + "; binary labels must be 0 or 1" + padding(e.label, ignore));
      }
      double s = e.prediction;
      if (e.predictionVec != null) {
        double[] v = e.predictionVec;
        if (v.length != 2) {
          return bad("vector_length", "prediction vector has " + v.length + " elements; a binary prediction is a number or a"
              + " 2-element vector (element 1 is the positive class, as Spark ML writes it)");
        }
        if (!logits) {
          Bad b = probabilities(v, true);
          if (b != null) return b;
        }
        s = v[1];
      }
      if (logits) {
        e.logit = s;
        e.prediction = Decisions.sigmoid(s);
      } else {
        if (s < 0 || s > 1) {
          return bad("probability_out_of_range", "prediction is " + s
              + "; probabilities must be in [0, 1] (pass --logits if the column holds raw margins)");
        }
        e.prediction = s;
      }
      return null;
    }

    @Override public boolean derivesLogit() {
      return logits;
    }

    /**
     * A batch of scalar predictions whose labels are all 0/1 and (without logits) probabilities all
     * in [0, 1]. A row whose label is the ignore index sends the batch row by row, where it is
     * counted and left out as on the row path.
     */
    @Override public boolean check(Batch b) {
      double[] y = b.label, p = b.prediction;
      boolean ok = true;
      for (int i = 0; i < b.size; i++) ok &= (y[i] == 0.0 | y[i] == 1.0) & y[i] != ignore;
      if (!logits) for (int i = 0; i < b.size; i++) ok &= p[i] >= 0 & p[i] <= 1;
      if (!ok) return false;
      if (logits) {
        double[] z = b.logitColumn();
        for (int i = 0; i < b.size; i++) {
          z[i] = p[i];
          p[i] = Decisions.sigmoid(p[i]);
        }
      }
      return true;
    }
  }

  /** A class index: a whole number in [0, max). */
  static boolean index(double v, int max) {
    return v == Math.rint(v) && v >= 0 && v < max;
  }

  /**
   * Multiclass: label an integer class 0..K-1, prediction a K-vector of probabilities or logits;
   * or the decided class itself as a number (as Spark ML's prediction column), K then being
   * discovered from the largest class seen.
   */
  public static final class Multiclass implements RowRule {
    private static final long serialVersionUID = 1L;
    private final boolean logits;
    private final double[] classWeights;
    private final double ignore;
    private int k = -1;

    public Multiclass(EvalOptions o) {
      this.logits = o.logits();
      this.classWeights = o.classWeights();
      this.ignore = ignored(o);
    }

    @Override public Bad check(Example e) {
      if (e.label == ignore) return RowRule.IGNORED;
      double[] v = e.predictionVec;
      if (v == null) return decided(e);
      int n = v.length;
      if (n < 2) return bad("vector_length", "prediction vector has " + n + " element(s); multiclass needs one per class, at least 2");
      if (k < 0) k = n;
      if (n != k) {
        return bad("vector_length", "prediction vector has " + n + " elements but earlier rows have " + k
            + "; every row must give the same number of classes");
      }
      if (classWeights != null && classWeights.length != n) { // the first row was checked before the pass; this is another
        return bad("class_weights_length", "prediction vector has " + n + " classes but --class-weights has "
            + classWeights.length + "; give one weight per class");
      }
      if (e.label != Math.rint(e.label) || e.label < 0 || e.label >= n) {
        return bad("label_out_of_range", "label is " + e.label + "; multiclass labels must be class indices 0.." + (n - 1)
            + padding(e.label, ignore));
      }
      if (logits) {
        if (e.logitVec == null || e.logitVec.length != n) e.logitVec = new double[n];
        System.arraycopy(v, 0, e.logitVec, 0, n);
        Decisions.softmax(e.logitVec, v);
        return null;
      }
      return probabilities(v, true);
    }
  }

  /** A multiclass row whose prediction is the decided class index. */
  static RowRule.Bad decided(Example e) {
    for (double x : new double[] {e.label, e.prediction}) {
      if (!index(x, MAX_DECIDED_CLASSES)) {
        String what = x == e.label ? "label" : "prediction";
        return bad(what.equals("label") ? "label_out_of_range" : "prediction_out_of_range", what + " is " + x
            + "; with a class index as the prediction, labels and predictions must be class indices 0.."
            + (MAX_DECIDED_CLASSES - 1));
      }
    }
    e.growing = true;
    return null;
  }

  /**
   * Multilabel: label a 0/1 vector, prediction a vector of the same length (probabilities or
   * logits). With an ignore index, label elements of that value are left out one by one, as
   * TorchMetrics does (marked NaN, see Example.ignored); a row whose every element is it is ignored.
   */
  public static final class Multilabel implements RowRule {
    private static final long serialVersionUID = 1L;
    private final boolean logits;
    private final double ignore;
    private int k = -1;

    public Multilabel(EvalOptions o) {
      this.logits = o.logits();
      this.ignore = ignored(o);
    }

    @Override public Bad check(Example e) {
      double[] y = e.labelVec, v = e.predictionVec;
      if (ignore == ignore && y.length > 0 && all(y, ignore)) return RowRule.IGNORED;
      if (y.length != v.length) {
        return bad("vector_length", "label vector has " + y.length + " elements but prediction has " + v.length
            + "; multilabel needs one prediction per label");
      }
      if (y.length < 1) return bad("vector_length", "label vector is empty; multilabel needs at least one label");
      if (k < 0) k = y.length;
      if (y.length != k) {
        return bad("vector_length", "vectors have " + y.length + " elements but earlier rows have " + k
            + "; every row must give the same number of labels");
      }
      for (int i = 0; i < y.length; i++) {
        if (y[i] == ignore) {
          y[i] = Double.NaN; // left out by every state (the reader refills the array for the next row)
        } else if (y[i] != 0.0 && y[i] != 1.0) {
          return bad("label_out_of_range", "label element " + i + " is " + y[i] + "; multilabel labels must be 0 or 1"
              + padding(y[i], ignore));
        }
      }
      if (logits) {
        if (e.logitVec == null || e.logitVec.length != v.length) e.logitVec = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          e.logitVec[i] = v[i];
          v[i] = Decisions.sigmoid(v[i]);
        }
        return null;
      }
      return probabilities(v, false);
    }

    private static boolean all(double[] y, double value) {
      for (double x : y) if (x != value) return false;
      return true;
    }
  }

  /**
   * Multilabel label sets (MLlib's layout): label and prediction are arrays of label ids, each a
   * whole number >= 0 (repeats count once, order does not matter). The row becomes two 0/1 vectors
   * as long as its largest id needs; the prediction vector holds 1 for a predicted label, so any
   * threshold in (0, 1) decides it.
   */
  public static final class MultilabelSets implements RowRule {
    private static final long serialVersionUID = 1L;

    @Override public Bad check(Example e) {
      int n = 0;
      for (double[] ids : new double[][] {e.labelVec, e.predictionVec}) {
        for (double x : ids) {
          if (!index(x, MAX_LABEL_ID)) {
            String what = ids == e.labelVec ? "label" : "prediction";
            return bad(what + "_out_of_range", what + " set holds " + x + "; label sets hold label ids, whole numbers 0.."
                + (MAX_LABEL_ID - 1));
          }
          n = Math.max(n, (int) x + 1);
        }
      }
      double[] y = new double[n], p = new double[n];
      for (double x : e.labelVec) y[(int) x] = 1.0;
      for (double x : e.predictionVec) p[(int) x] = 1.0;
      e.labelVec = y;
      e.predictionVec = p;
      e.growing = true;
      return null;
    }
  }
}
