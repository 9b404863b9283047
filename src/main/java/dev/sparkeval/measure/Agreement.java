package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.Counts;
import java.math.BigDecimal;

/** Cohen's kappa with its disagreement weights, and the multilabel MCC: finishing formulas on exact counts. */
final class Agreement {
  /** TorchMetrics' epsilon, torch.finfo(torch.float32).eps = 2^-23. */
  private static final BigDecimal EPS = new BigDecimal(0x1p-23);

  private Agreement() {}

  /**
   * scikit-learn cohen_kappa_score with labels 0..K-1: 1 - n sum w_ij C_ij / sum w_ij t_i p_j,
   * where w is 1 off the diagonal (none), |i - j| (linear) or (i - j)^2 (quadratic).
   */
  static Value kappa(Counts c, String weights) {
    BigDecimal n = c.total;
    BigDecimal observed, expected;
    switch (weights) {
      case "linear" -> {
        observed = c.linear;
        expected = linearExpected(c);
      }
      case "quadratic" -> {
        observed = c.quadratic;
        BigDecimal t0 = BigDecimal.ZERO, t1 = BigDecimal.ZERO, t2 = BigDecimal.ZERO;
        BigDecimal p0 = BigDecimal.ZERO, p1 = BigDecimal.ZERO, p2 = BigDecimal.ZERO;
        for (int i = 0; i < c.k; i++) {
          BigDecimal x = BigDecimal.valueOf(i), x2 = BigDecimal.valueOf((long) i * i);
          t0 = t0.add(c.truth[i], Exact.MC);
          t1 = t1.add(c.truth[i].multiply(x), Exact.MC);
          t2 = t2.add(c.truth[i].multiply(x2), Exact.MC);
          p0 = p0.add(c.pred[i], Exact.MC);
          p1 = p1.add(c.pred[i].multiply(x), Exact.MC);
          p2 = p2.add(c.pred[i].multiply(x2), Exact.MC);
        }
        // sum (i - j)^2 t_i p_j = T2 P0 + T0 P2 - 2 T1 P1
        expected = t2.multiply(p0, Exact.MC).add(t0.multiply(p2, Exact.MC), Exact.MC)
            .subtract(t1.multiply(p1, Exact.MC).multiply(BigDecimal.valueOf(2)), Exact.MC);
      }
      default -> {
        observed = n.subtract(c.trace, Exact.MC);
        BigDecimal chance = BigDecimal.ZERO;
        for (int i = 0; i < c.k; i++) chance = chance.add(c.truth[i].multiply(c.pred[i], Exact.MC), Exact.MC);
        expected = n.multiply(n, Exact.MC).subtract(chance, Exact.MC);
      }
    }
    if (expected.signum() == 0) {
      return Value.undefined("the disagreement expected by chance is 0 (a single class everywhere): 0/0");
    }
    return Value.of(BigDecimal.ONE.subtract(n.multiply(observed, Exact.MC).divide(expected, Exact.MC)).doubleValue());
  }

  /** sum_ij |i - j| t_i p_j in one sweep: for each j, the truth weight and first moment below and above it. */
  private static BigDecimal linearExpected(Counts c) {
    BigDecimal tAll = BigDecimal.ZERO, mAll = BigDecimal.ZERO;
    for (int i = 0; i < c.k; i++) {
      tAll = tAll.add(c.truth[i], Exact.MC);
      mAll = mAll.add(c.truth[i].multiply(BigDecimal.valueOf(i)), Exact.MC);
    }
    BigDecimal below = BigDecimal.ZERO, belowM = BigDecimal.ZERO, sum = BigDecimal.ZERO;
    for (int j = 0; j < c.k; j++) {
      BigDecimal x = BigDecimal.valueOf(j);
      BigDecimal aboveT = tAll.subtract(below, Exact.MC).subtract(c.truth[j], Exact.MC);
      BigDecimal aboveM = mAll.subtract(belowM, Exact.MC).subtract(c.truth[j].multiply(x), Exact.MC);
      BigDecimal s = x.multiply(below).subtract(belowM, Exact.MC).add(aboveM, Exact.MC).subtract(x.multiply(aboveT), Exact.MC);
      sum = sum.add(c.pred[j].multiply(s, Exact.MC), Exact.MC);
      below = below.add(c.truth[j], Exact.MC);
      belowM = belowM.add(c.truth[j].multiply(x), Exact.MC);
    }
    return sum;
  }

  /**
   * TorchMetrics MultilabelMatthewsCorrCoef: the binary MCC of the confusion counts summed over
   * labels, with its special cases (all right: 1; all wrong: -1; a constant truth or decision:
   * its eps-smoothed limit), evaluated exactly where TorchMetrics works in float32.
   */
  static Value multilabelMcc(Counts c) {
    BigDecimal tp = BigDecimal.ZERO, fp = BigDecimal.ZERO, fn = BigDecimal.ZERO, tn = BigDecimal.ZERO;
    for (int l = 0; l < c.k; l++) {
      tp = tp.add(c.tp[l], Exact.MC);
      fp = fp.add(c.fp(l), Exact.MC);
      fn = fn.add(c.fn(l), Exact.MC);
      tn = tn.add(c.tn(l), Exact.MC);
    }
    BigDecimal right = tp.add(tn, Exact.MC), wrong = fp.add(fn, Exact.MC);
    if (right.signum() != 0 && wrong.signum() == 0) return Value.of(1.0);
    if (right.signum() == 0 && wrong.signum() != 0) return Value.of(-1.0);
    BigDecimal predPos = tp.add(fp, Exact.MC), predNeg = tn.add(fn, Exact.MC);
    BigDecimal truePos = tp.add(fn, Exact.MC), trueNeg = tn.add(fp, Exact.MC);
    BigDecimal denom = predPos.multiply(predNeg, Exact.MC).multiply(truePos, Exact.MC).multiply(trueNeg, Exact.MC);
    if (denom.signum() != 0) {
      BigDecimal cov = tp.multiply(tn, Exact.MC).subtract(fp.multiply(fn, Exact.MC), Exact.MC);
      return Value.of(cov.divide(denom.sqrt(Exact.MC), Exact.MC).doubleValue());
    }
    BigDecimal d;
    if (fn.signum() == 0 && tn.signum() == 0) d = tp.subtract(fp, Exact.MC);
    else if (fp.signum() == 0 && tn.signum() == 0) d = tp.subtract(fn, Exact.MC);
    else if (tp.signum() == 0 && fn.signum() == 0) d = tn.subtract(fp, Exact.MC);
    else if (tp.signum() == 0 && fp.signum() == 0) d = tn.subtract(fn, Exact.MC);
    else return Value.of(0.0);
    BigDecimal smoothed = tp.add(fp).add(EPS).multiply(tp.add(fn).add(EPS), Exact.MC)
        .multiply(tn.add(fp).add(EPS), Exact.MC).multiply(tn.add(fn).add(EPS), Exact.MC);
    BigDecimal v = EPS.sqrt(Exact.MC).multiply(d, Exact.MC).divide(smoothed.sqrt(Exact.MC), Exact.MC);
    return Value.of(v.doubleValue()).withNote("a constant truth or decision makes MCC 0/0; TorchMetrics' eps-smoothed limit is used");
  }
}
