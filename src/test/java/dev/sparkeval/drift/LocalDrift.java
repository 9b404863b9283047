package dev.sparkeval.drift;

import dev.sparkeval.state.PosNeg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** The drift walk in memory: distinct values sorted, walked in pieces cut at random, joined by DriftFinish. */
public final class LocalDrift {
  private LocalDrift() {}

  public static Drift of(DriftFixtures.Side current, DriftFixtures.Side reference, int pieces, long seed, int histogramBins) {
    TreeMap<Double, PosNeg> cells = new TreeMap<>();
    PosNeg total = new PosNeg();
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (DriftFixtures.Side s : List.of(current, reference)) {
      for (int i = 0; i < s.x().length; i++) {
        double v = s.x()[i] + 0.0;
        cells.computeIfAbsent(v, k -> new PosNeg()).add(s == current, s.w()[i]);
        total.add(s == current, s.w()[i]);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    DriftWalk.Config config = DriftWalk.Config.of(total, lo, hi, histogramBins);
    Random rnd = new Random(seed);
    List<DriftWalk> walks = new ArrayList<>();
    PosNeg before = new PosNeg();
    DriftWalk w = new DriftWalk(config, before);
    for (Map.Entry<Double, PosNeg> e : cells.entrySet()) {
      if (pieces > 1 && rnd.nextInt(Math.max(1, cells.size() / pieces)) == 0) { // a new piece starts here
        walks.add(w);
        w = new DriftWalk(config, before);
      }
      w.next(e.getKey(), e.getValue());
      before.merge(e.getValue());
    }
    walks.add(w);
    return DriftFinish.finish(walks, config, new Drift.Sides(current.x().length, reference.x().length), new Drift.Sides(0, 0));
  }
}
