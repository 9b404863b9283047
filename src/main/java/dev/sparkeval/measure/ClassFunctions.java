package dev.sparkeval.measure;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/** Per-row quantities of the classification metrics that are weighted means (scikit-learn semantics). */
public final class ClassFunctions {
  /** numpy.finfo(float64).eps: scikit-learn's log_loss clips probabilities to [eps, 1 - eps]. */
  static final double EPS = Math.ulp(1.0);

  private ClassFunctions() {}

  private static double clip(double p) {
    return Math.min(Math.max(p, EPS), 1 - EPS);
  }

  /** sklearn log_loss term: clip, renormalise the row to sum 1, minus log of the true class. */
  public static RowFunction logLoss(boolean multiclass) {
    return new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "log_loss:" + (multiclass ? "multiclass" : "binary"); }
    @Override public double apply(Example e) {
      if (!multiclass) { // binary: columns [1 - p, p]
        double p = clip(e.prediction), q = 1 - p, s = q + p;
        return -e.log((e.label == 1.0 ? p : q) / s); // the log bce and focal took, when s is 1
      }
      double[] v = e.predictionVec;
      double s = 0;
      for (double x : v) s += clip(x);
      return -Math.log(clip(v[(int) e.label]) / s);
    }

    @Override public void apply(Batch b, double[] out) {
      if (multiclass) {
        RowFunction.super.apply(b, out);
        return;
      }
      double[] y = b.label, pr = b.prediction, args = b.scratch(2);
      int n = b.size;
      for (int i = 0; i < n; i++) {
        double p = clip(pr[i]), q = 1 - p, s = q + p, yi = y[i];
        args[i] = (yi == 1.0 | yi == 0.0 ? Batch.trueClass(yi, p, q) : q) / s; // labels are 0/1 here
      }
      double[] logs = b.logs(args); // bce's, when s is 1 and p needed no clip
      for (int i = 0; i < n; i++) out[i] = -logs[i];
    }
    };
  }

  /**
   * MLlib's MulticlassMetrics.logLoss(eps): minus the log of the true class's probability,
   * clipped to [eps, 1 - eps] (as -log(eps) and -log1p(-eps)), without renormalising the row.
   */
  public static RowFunction clippedLogLoss(boolean multiclass, double eps) {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "log_loss:" + (multiclass ? "multiclass" : "binary") + ":eps=" + eps; }
      @Override public double apply(Example e) {
        double p = multiclass ? e.predictionVec[(int) e.label] : e.label == 1.0 ? e.prediction : 1 - e.prediction;
        if (p < eps) return -Math.log(eps);
        if (p > 1 - eps) return -Math.log1p(-eps);
        return -Math.log(p);
      }
    };
  }

  /**
   * Crammer-Singer multiclass hinge (sklearn hinge_loss): max(0, 1 - (s_y - max of the other
   * scores)) on the scores as given: logits with --logits, else the probabilities.
   */
  public static RowFunction hinge() {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "hinge:crammer_singer"; }
      @Override public double apply(Example e) {
        double[] s = e.logitVec != null ? e.logitVec : e.predictionVec;
        int y = (int) e.label;
        double other = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.length; c++) if (c != y && s[c] > other) other = s[c];
        double margin = s[y];
        margin -= other;
        return Math.max(0, 1 - margin);
      }
    };
  }

  /** sklearn top_k_accuracy_score hit: fewer than k classes rank above the true one (ties: higher index first). */
  public static RowFunction topK(int k) {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "top_k:" + k; }
      @Override public double apply(Example e) {
        double[] s = e.logitVec != null ? e.logitVec : e.predictionVec;
        int y = (int) e.label, above = 0;
        double sy = s[y];
        for (int c = 0; c < s.length; c++) if (s[c] > sy || (s[c] == sy && c > y)) above++;
        return above < k ? 1.0 : 0.0;
      }
    };
  }

  /** Multilabel exact match: every label decision (p > threshold) equals the truth. */
  public static RowFunction subsetMatch(double threshold) {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "subset_match:" + threshold; }
      @Override public boolean skipsIgnoredElements() { return true; }
      @Override public double apply(Example e) {
        for (int l = 0; l < e.labelVec.length; l++) {
          if (Example.ignored(e.labelVec[l])) continue;
          if ((e.predictionVec[l] > threshold) != (e.labelVec[l] == 1.0)) return 0.0;
        }
        return 1.0;
      }
    };
  }
}
