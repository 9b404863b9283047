package dev.sparkeval.drift;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.state.PosNeg;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the pieces of one column's walk (in value order) into its {@link Drift}: the area between
 * consecutive pieces is added with the ECDFs at the end of the earlier one, KS is the largest
 * candidate of all pieces (compared exactly), bins and cuts are merged.
 */
public final class DriftFinish {
  private DriftFinish() {}

  public static Drift finish(List<DriftWalk> walks, DriftWalk.Config config, Drift.Sides rows, Drift.Sides missing) {
    if (config.current() == 0 || config.reference() == 0) {
      String side = config.reference() == 0 ? "reference" : "current table";
      return Drift.undefined(rows, missing, "the " + side + " has no weight here (no rows, or weight 0 only): no distribution to compare");
    }
    ExactSum area = new ExactSum();
    PosNeg[] bins = fresh(DriftWalk.BINS);
    PosNeg[] histogram = fresh(config.histogramBins());
    Double[] cuts = new Double[DriftWalk.BINS - 1];
    DriftWalk prev = null;
    long ksCount = 0;
    BigDecimal ksExact = BigDecimal.ZERO;
    for (DriftWalk w : walks) {
      if (Double.isNaN(w.first)) continue;
      if (prev != null) DriftWalk.gap(area, prev.last, w.first, prev.cum, config);
      area.merge(w.area);
      ksCount = Math.max(ksCount, w.ksCount);
      if (w.ksAt != null) ksExact = ksExact.max(DriftWalk.exactNumerator(w.ksAt, config.total()));
      for (int k = 0; k < bins.length; k++) bins[k].merge(w.bins[k]);
      for (int k = 0; k < histogram.length; k++) histogram[k].merge(w.histogram[k]);
      for (int j = 0; j < cuts.length; j++) if (!Double.isNaN(w.cuts[j])) cuts[j] = w.cuts[j];
      prev = w;
    }
    BigDecimal product = config.total().posExact().multiply(config.total().negExact());
    double ks, wasserstein;
    if (config.counted()) {
      ks = BigDecimal.valueOf(ksCount).divide(product, Exact.MC).doubleValue();
      wasserstein = area.exact().divide(product, Exact.MC).doubleValue();
    } else {
      ks = ksExact.divide(product, Exact.MC).doubleValue();
      wasserstein = area.value();
    }
    double[] r = shares(bins, false, config.reference());
    double[] c = shares(bins, true, config.current());
    List<Double> deciles = new ArrayList<>();
    for (Double q : cuts) deciles.add(q);
    Drift.Histogram h = null;
    if (histogram.length > 0) {
      List<Double> edges = new ArrayList<>();
      for (int k = 0; k <= histogram.length; k++) edges.add(config.lo() + (config.hi() - config.lo()) * k / histogram.length);
      h = new Drift.Histogram(edges, list(shares(histogram, false, config.reference())), list(shares(histogram, true, config.current())));
    }
    return new Drift(ks, wasserstein, Divergences.psi(r, c), Divergences.js(r, c), rows, missing, deciles,
        new Drift.Shares(list(r), list(c)), h, null);
  }

  private static PosNeg[] fresh(int n) {
    PosNeg[] a = new PosNeg[n];
    for (int k = 0; k < n; k++) a[k] = new PosNeg();
    return a;
  }

  /** Each bin's weight on one side over that side's total, rounded once from exact sums. */
  private static double[] shares(PosNeg[] bins, boolean current, double total) {
    double[] out = new double[bins.length];
    for (int k = 0; k < bins.length; k++) out[k] = (current ? bins[k].pos() : bins[k].neg()) / total;
    return out;
  }

  private static List<Double> list(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double v : a) out.add(v);
    return out;
  }
}
