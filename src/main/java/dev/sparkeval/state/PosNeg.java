package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Exact positive and negative weight of a group of rows: whole weights (unit weights, and the
 * bootstrap's Poisson multiples of them) counted, others summed exactly.
 */
public final class PosNeg implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Whole weights up to this are counted (exact while a group has fewer than 2^33 rows: counts stay below 2^53). */
  private static final double MAX_COUNTED = 1 << 20;
  private long pos, neg, rows;
  private ExactSum posW, negW;

  /** Unit-weight rows: pos positives and neg negatives. */
  public static PosNeg counted(long pos, long neg) {
    PosNeg c = new PosNeg();
    c.pos = pos;
    c.neg = neg;
    c.rows = pos + neg;
    return c;
  }

  public void add(boolean positive, double w) {
    rows++;
    if (w == 1.0) {
      if (positive) pos++;
      else neg++;
    } else if (w > 0 && w <= MAX_COUNTED && w == (long) w) { // exact as a count: the sums stay below 2^53
      if (positive) pos += (long) w;
      else neg += (long) w;
    } else if (positive) {
      if (posW == null) posW = new ExactSum();
      posW.add(w);
    } else {
      if (negW == null) negW = new ExactSum();
      negW.add(w);
    }
  }

  public void merge(PosNeg o) {
    rows += o.rows;
    pos += o.pos;
    neg += o.neg;
    if (o.posW != null) {
      if (posW == null) posW = new ExactSum();
      posW.merge(o.posW);
    }
    if (o.negW != null) {
      if (negW == null) negW = new ExactSum();
      negW.merge(o.negW);
    }
  }

  /** Empties this group for reuse (the bootstrap's walk keeps one per replicate). */
  public void clear() {
    pos = neg = rows = 0;
    posW = negW = null;
  }

  public PosNeg copy() {
    PosNeg c = new PosNeg();
    c.merge(this);
    return c;
  }

  public BigDecimal posExact() { return exact(pos, posW); }

  public BigDecimal negExact() { return exact(neg, negW); }

  /** The correctly rounded positive weight. */
  public double pos() { return rounded(pos, posW); }

  public double neg() { return rounded(neg, negW); }

  private static double rounded(long n, ExactSum w) {
    if (w == null) return n;
    if (n == 0) return w.value();
    ExactSum t = new ExactSum();
    t.merge(w);
    t.add(n); // counts stay below 2^53, so the long is exact as a double
    return t.value();
  }

  /** Rows added, whatever their weight (for balancing the sort job). */
  public long rows() { return rows; }

  /** Whether any positive row was added, whatever its weight. */
  public boolean anyPositive() { return pos > 0 || posW != null; }

  /** Every row had weight 1, so the weights are exact counts. */
  public boolean counted() { return posW == null && negW == null; }

  public boolean empty() { return pos == 0 && neg == 0 && posW == null && negW == null; }

  private static BigDecimal exact(long n, ExactSum w) {
    BigDecimal c = BigDecimal.valueOf(n);
    return w == null ? c : c.add(w.exact(), Exact.MC);
  }
}
