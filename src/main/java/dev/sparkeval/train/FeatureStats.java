package dev.sparkeval.train;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.BitSet;

/**
 * One aggregation pass over the training rows: exact sums of every feature and its square
 * (for standardization), and the label's range, whether it is whole and which class indices
 * occur (for class counts and the checks that a label is a class index).
 */
public final class FeatureStats implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ExactSum[] s1;
  private final ExactSum[] s2;
  public long rows;
  public double labelMin = Double.POSITIVE_INFINITY;
  public double labelMax = Double.NEGATIVE_INFINITY;
  public boolean wholeLabels = true;
  /** The whole labels in [0, MAX_CLASS] seen: the class indices that occur. */
  public final BitSet classes = new BitSet();
  public static final int MAX_CLASS = 100_000;

  public FeatureStats(int d) {
    s1 = new ExactSum[d];
    s2 = new ExactSum[d];
    for (int j = 0; j < d; j++) {
      s1[j] = new ExactSum();
      s2[j] = new ExactSum();
    }
  }

  void add(double[] x, int off, double y) {
    for (int j = 0; j < s1.length; j++) {
      s1[j].add(x[off + j]);
      s2[j].addProduct(x[off + j], x[off + j]);
    }
    rows++;
    labelMin = Math.min(labelMin, y);
    labelMax = Math.max(labelMax, y);
    wholeLabels &= y == Math.rint(y);
    if (y >= 0 && y <= MAX_CLASS && y == Math.rint(y)) classes.set((int) y);
  }

  public FeatureStats merge(FeatureStats o) {
    for (int j = 0; j < s1.length; j++) {
      s1[j].merge(o.s1[j]);
      s2[j].merge(o.s2[j]);
    }
    rows += o.rows;
    labelMin = Math.min(labelMin, o.labelMin);
    labelMax = Math.max(labelMax, o.labelMax);
    wholeLabels &= o.wholeLabels;
    classes.or(o.classes);
    return this;
  }

  public double[] mean() {
    double[] m = new double[s1.length];
    for (int j = 0; j < m.length; j++) m[j] = rows == 0 ? 0 : s1[j].exact().divide(BigDecimal.valueOf(rows), MathContext.DECIMAL128).doubleValue();
    return m;
  }

  /** Population standard deviations (as scikit-learn's StandardScaler); a constant feature gets 1. */
  public double[] std() {
    double[] s = new double[s1.length];
    BigDecimal n = BigDecimal.valueOf(rows);
    for (int j = 0; j < s.length; j++) {
      BigDecimal a = s1[j].exact();
      BigDecimal var = rows == 0 ? BigDecimal.ZERO
          : n.multiply(s2[j].exact()).subtract(a.multiply(a)).divide(n.multiply(n), MathContext.DECIMAL128);
      double sd = Math.sqrt(var.doubleValue());
      s[j] = sd > 0 ? sd : 1.0;
    }
    return s;
  }
}
