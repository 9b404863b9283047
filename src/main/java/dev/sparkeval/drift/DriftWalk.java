package dev.sparkeval.drift;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.state.OrderWalk;
import dev.sparkeval.state.PosNeg;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A walk over the distinct values of one column, the reference's and the current table's merged in
 * ascending order; each value comes with its weight per side ({@link PosNeg}: positive = current,
 * negative = reference). With the cumulative weights C(x), R(x) (rows &lt;= x) and the totals Wc, Wr:
 * <ul>
 *   <li>KS = max |C(x) Wr - R(x) Wc| / (Wc Wr), the largest gap between the two ECDFs: with unit
 *       weights an exact integer; otherwise the best candidate (by the rounded ECDFs) is kept and
 *       candidates within 1e-9 of it are compared on exact sums;
 *   <li>Wasserstein = the sum over consecutive values x &lt; x' of (x' - x) |C(x)/Wc - R(x)/Wr|: with
 *       unit weights the numerator (x' - x) |C Wr - R Wc| is added exactly (the gap as an exact pair
 *       of doubles, the integer factor exact) and divided once at the end; with other weights each
 *       ECDF is rounded once from exact sums and the products are added exactly;
 *   <li>decile bins: cut j (1..9) is the first value with 10 R(x) &gt;= j Wr (numpy's inverted_cdf
 *       quantile, compared exactly); a value lies in bin k = the number of cuts strictly below it,
 *       so bin k is (q_k, q_k+1] with q_0 = -inf and q_10 = +inf.
 * </ul>
 * The sort job runs one walk per run of values it holds, each started from the exact weight before
 * it; {@link DriftFinish} joins them in order. Every result depends only on exact sums and the
 * values' order, so it is the same however the values were partitioned.
 */
public final class DriftWalk implements OrderWalk {
  private static final long serialVersionUID = 1L;
  static final int BINS = 10;
  private static final double NEAR = 1e-9;

  final Config config;
  final PosNeg cum;
  private int decile;
  double first = Double.NaN;
  double last = Double.NaN;
  final ExactSum area = new ExactSum();
  long ksCount;
  double ksApprox = -1;
  PosNeg ksAt; // the cumulative weights at the best KS candidate (weighted)
  final PosNeg[] bins = new PosNeg[BINS];
  final double[] cuts = new double[BINS - 1];
  final PosNeg[] histogram;

  /**
   * What every piece of one column's walk shares: the totals per side (exact, and rounded once) and,
   * for the chart, an equal-width histogram over [lo, hi] (0 bins: none).
   */
  public record Config(PosNeg total, double current, double reference, boolean counted, double lo, double hi,
                       int histogramBins) implements Serializable {
    public static Config of(PosNeg total, double lo, double hi, int histogramBins) {
      double c = total.pos(), r = total.neg();
      return new Config(total, c, r, total.counted() && c * r < 0x1p53, lo, hi, histogramBins);
    }
  }

  public DriftWalk(Config config, PosNeg before) {
    this.config = config;
    this.cum = before == null ? new PosNeg() : before.copy();
    for (int k = 0; k < BINS; k++) bins[k] = new PosNeg();
    Arrays.fill(cuts, Double.NaN);
    histogram = new PosNeg[config.histogramBins()];
    for (int k = 0; k < histogram.length; k++) histogram[k] = new PosNeg();
    while (decile < BINS - 1 && reached(decile + 1)) decile++;
  }

  /** The walker the sort job ships: each piece starts from the weight before it. */
  public static OrderWalk.Walker walker(Config config) {
    return before -> new DriftWalk(config, before);
  }

  @Override public void next(double value, PosNeg cell) {
    if (Double.isNaN(first)) first = value;
    else gap(area, last, value, cum, config);
    bins[decile].merge(cell);
    if (histogram.length > 0) histogram[histogramBin(value)].merge(cell);
    cum.merge(cell);
    ks();
    while (decile < BINS - 1 && reached(decile + 1)) cuts[decile++] = value;
    last = value;
  }

  /** Adds the area between from and to, where the ECDFs are those of cum (the weight up to from). */
  static void gap(ExactSum area, double from, double to, PosNeg cum, Config config) {
    double d = to - from; // d + e is to - from exactly (Knuth's two-sum)
    double bv = d - to;
    double e = (to - (d - bv)) + (-from - bv);
    double f = config.counted() ? Math.abs(countedNumerator(cum, config)) : Math.abs(ecdfGap(cum, config));
    if (f == 0) return;
    area.addProduct(d, f);
    if (e != 0) area.addProduct(e, f);
  }

  /** C Wr - R Wc in counts (below 2^53 in magnitude when the config is counted). */
  static long countedNumerator(PosNeg cum, Config config) {
    return (long) cum.pos() * (long) config.reference() - (long) cum.neg() * (long) config.current();
  }

  /** C/Wc - R/Wr, each quotient of correctly rounded exact sums. */
  static double ecdfGap(PosNeg cum, Config config) {
    return cum.pos() / config.current() - cum.neg() / config.reference();
  }

  /** |C Wr - R Wc| on the exact sums. */
  static BigDecimal exactNumerator(PosNeg cum, PosNeg total) {
    return cum.posExact().multiply(total.negExact()).subtract(cum.negExact().multiply(total.posExact())).abs();
  }

  private void ks() {
    if (config.counted()) {
      ksCount = Math.max(ksCount, Math.abs(countedNumerator(cum, config)));
      return;
    }
    double g = Math.abs(ecdfGap(cum, config));
    if (g > ksApprox * (1 + NEAR)) {
      ksApprox = g;
      ksAt = cum.copy();
    } else if (g >= ksApprox * (1 - NEAR) && exactNumerator(cum, config.total()).compareTo(exactNumerator(ksAt, config.total())) > 0) {
      ksApprox = Math.max(ksApprox, g);
      ksAt = cum.copy();
    }
  }

  /** 10 R >= j Wr, exactly: in counts, or on the exact sums when the rounded ones are too close to tell. */
  private boolean reached(int j) {
    if (cum.counted() && config.total().counted()) return 10 * (long) cum.neg() >= j * (long) config.reference();
    double a = 10 * cum.neg(), b = j * config.reference();
    if (Math.abs(a - b) > NEAR * Math.abs(b)) return a > b;
    return cum.negExact().multiply(BigDecimal.TEN).compareTo(config.total().negExact().multiply(BigDecimal.valueOf(j))) >= 0;
  }

  private int histogramBin(double v) {
    double span = config.hi() - config.lo();
    if (!(span > 0)) return 0;
    int k = (int) Math.floor((v - config.lo()) / span * histogram.length);
    return Math.max(0, Math.min(histogram.length - 1, k));
  }
}
