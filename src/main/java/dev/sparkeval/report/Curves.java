package dev.sparkeval.report;

/**
 * ROC and precision-recall points from a score histogram per class: one threshold per bin
 * edge, from the top bin down, so point k counts every score in bins >= n - k as positive.
 */
record Curves(double[] fpr, double[] tpr, double[] precision, double baseRate) {

  static Curves of(double[] neg, double[] pos) {
    int n = neg.length;
    double tn = 0;
    double tp = 0;
    for (int i = 0; i < n; i++) {
      tn += neg[i];
      tp += pos[i];
    }
    if (tn <= 0 || tp <= 0) return null;
    double[] fpr = new double[n + 1];
    double[] tpr = new double[n + 1];
    double[] prec = new double[n + 1];
    double f = 0;
    double t = 0;
    prec[0] = Double.NaN;
    for (int k = 1; k <= n; k++) {
      f += neg[n - k];
      t += pos[n - k];
      fpr[k] = f / tn;
      tpr[k] = t / tp;
      prec[k] = t + f > 0 ? t / (t + f) : Double.NaN;
    }
    return new Curves(fpr, tpr, prec, tp / (tp + tn));
  }

  /** Trapezoidal area: the exact AUC of the binned scores (ties within a bin count half). */
  double auc() {
    double a = 0;
    for (int k = 1; k < tpr.length; k++) a += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
    return a;
  }

  /** Step-wise average precision over the bin thresholds (scikit-learn's definition, binned). */
  double averagePrecision() {
    double a = 0;
    for (int k = 1; k < tpr.length; k++) if (!Double.isNaN(precision[k])) a += (tpr[k] - tpr[k - 1]) * precision[k];
    return a;
  }
}
