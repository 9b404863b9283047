package dev.sparkeval.measure;

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
