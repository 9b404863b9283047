package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiclass one-vs-one ROC AUC, scikit-learn's Hand and Till: for every pair of classes a < b
 * present in the labels, the mean of AUC(a against b, ranked by the probability of a) and
 * AUC(b against a, ranked by the probability of b), each over the rows of those two classes;
 * averaged plainly (macro) or by the pair's share of the rows (weighted). With --weight each
 * pair AUC is the weighted binary AUC and the share a weight share (scikit-learn has no weights
 * here). Exact: every pair numerator comes from one sort job over the per-class rankings.
 */
public final class OvoAucMeasure implements Measure {
  private final RankStat rank;
  private final boolean weighted;

  public OvoAucMeasure(boolean weighted) {
    this.rank = new RankStat(Task.MULTICLASS, false, false, true);
    this.weighted = weighted;
  }

  @Override public List<Stat> needs() { return List.of(rank); }

  @Override public Value finish(StatSet stats) {
    RankStat s = stats.get(rank);
    if (s.classes() < 0) return Value.undefined("no rows");
    List<Integer> present = new ArrayList<>();
    BigDecimal[] w = new BigDecimal[s.classes()];
    for (int c = 0; c < s.classes(); c++) {
      PosNeg t = s.total(c);
      w[c] = t.posExact();
      if (t.anyPositive()) present.add(c);
    }
    if (present.size() < 2) return Value.undefined("one-vs-one ROC AUC needs at least two classes in the labels");
    BigDecimal sum = BigDecimal.ZERO, shares = BigDecimal.ZERO;
    for (int i = 0; i < present.size(); i++) {
      int a = present.get(i);
      BigDecimal wa = w[a];
      for (int j = i + 1; j < present.size(); j++) {
        int b = present.get(j);
        BigDecimal wb = w[b];
        if (wa.signum() == 0 || wb.signum() == 0) {
          return Value.undefined("ROC AUC of classes " + a + " and " + b + " is undefined: class "
              + (wa.signum() == 0 ? a : b) + " has rows but a weight sum of 0");
        }
        BigDecimal pairs = wa.multiply(wb, Exact.MC);
        BigDecimal both = s.sums(a).aucNumeratorAgainst(b).exact().add(s.sums(b).aucNumeratorAgainst(a).exact(), Exact.MC);
        BigDecimal pair = both.divide(pairs.multiply(BigDecimal.valueOf(2)), Exact.MC);
        BigDecimal share = weighted ? wa.add(wb, Exact.MC) : BigDecimal.ONE;
        sum = sum.add(pair.multiply(share, Exact.MC), Exact.MC);
        shares = shares.add(share, Exact.MC);
      }
    }
    return Value.of(sum.divide(shares, Exact.MC).doubleValue());
  }
}
