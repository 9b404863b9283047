package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.math.BigDecimal;

/** Exact weighted moments of two rank columns: sum w, w r1, w r1^2, w r2, w r2^2, w r1 r2. */
public final class RankMoments implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ExactSum w = new ExactSum(), r1 = new ExactSum(), r11 = new ExactSum(), r2 = new ExactSum(),
      r22 = new ExactSum(), r12 = new ExactSum();

  /** Adds a row of weight wt with ranks a and b (a count of unit-weight rows may be passed as wt). */
  public void add(double wt, double a, double b) {
    if (wt == 1.0) {
      w.add(1.0);
      r1.add(a);
      r2.add(b);
      r11.addProduct(a, a);
      r22.addProduct(b, b);
      r12.addProduct(a, b);
    } else {
      w.add(wt);
      r1.addProduct(wt, a);
      r2.addProduct(wt, b);
      r11.addProduct(wt, a, a);
      r22.addProduct(wt, b, b);
      r12.addProduct(wt, a, b);
    }
  }

  public void merge(RankMoments o) {
    w.merge(o.w);
    r1.merge(o.r1);
    r11.merge(o.r11);
    r2.merge(o.r2);
    r22.merge(o.r22);
    r12.merge(o.r12);
  }

  /** Pearson's correlation of the two ranks, or NaN when a rank column is constant (or no weight). */
  public double correlation() {
    BigDecimal n = w.exact(), a = r1.exact(), b = r2.exact();
    BigDecimal saa = n.multiply(r11.exact()).subtract(a.multiply(a));
    BigDecimal sbb = n.multiply(r22.exact()).subtract(b.multiply(b));
    BigDecimal sab = n.multiply(r12.exact()).subtract(a.multiply(b));
    if (saa.signum() == 0 || sbb.signum() == 0) return Double.NaN;
    return sab.divide(saa.multiply(sbb).sqrt(Exact.MC), Exact.MC).doubleValue();
  }
}
