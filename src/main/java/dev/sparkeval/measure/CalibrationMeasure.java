package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.EceStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Calibration error with TorchMetrics' L2 and max norms over the ece bins (the L1 norm is the ece
 * itself, {@link EceStat}), from each bin's weight W_b and gap G_b = sum w (hit - confidence), so that
 * acc_b - conf_b = G_b / W_b and the bin's share is W_b / W: l2 = sqrt(sum G_b^2 / W_b / W) and
 * max = the largest |G_b| / W_b over the bins with weight.
 */
public final class CalibrationMeasure implements Measure {
  private final EceStat stat;
  private final boolean l2;

  /** l2: the L2 norm; otherwise the max norm. */
  public CalibrationMeasure(int bins, boolean multiclass, boolean l2) {
    this.stat = new EceStat(bins, multiclass, true);
    this.l2 = l2;
  }

  @Override public List<Stat> needs() { return List.of(stat); }

  @Override public Value finish(StatSet stats) {
    EceStat s = stats.get(stat);
    if (s.rows() == 0) return Value.undefined("no rows");
    BigDecimal w = s.weight().exact();
    if (w.signum() == 0) return Value.undefined("the sum of weights is 0");
    BigDecimal acc = BigDecimal.ZERO;
    for (int b = 0; b < s.bins(); b++) {
      ExactSum g = s.gap(b);
      if (g == null) continue;
      BigDecimal gb = g.exact().abs(), wb = s.binWeight(b).exact();
      if (wb.signum() == 0) continue;
      acc = l2 ? acc.add(gb.multiply(gb).divide(wb, Exact.MC), Exact.MC) : acc.max(gb.divide(wb, Exact.MC));
    }
    return Value.of((l2 ? acc.divide(w, Exact.MC).sqrt(Exact.MC) : acc).doubleValue());
  }
}
