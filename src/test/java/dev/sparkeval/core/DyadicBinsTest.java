package dev.sparkeval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Adaptive dyadic bins: the same bins whatever the order of adds and merges, and exact weights. */
class DyadicBinsTest {
  static String text(DyadicBins b) {
    StringBuilder s = new StringBuilder("w=" + b.width() + " nf=" + b.nonFinite());
    for (double[] x : b.bins()) s.append(' ').append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append(',').append(x[3]);
    return s.toString();
  }

  static List<double[]> points(Random r, int n) {
    List<double[]> p = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = r.nextInt(20) == 0 ? r.nextGaussian() * 1e5 : r.nextGaussian() * 3;
      p.add(new double[] {x, x + r.nextGaussian(), r.nextInt(3) == 0 ? r.nextDouble() : 1.0});
    }
    p.add(new double[] {Double.NaN, 0, 1});
    return p;
  }

  @Test
  void splitsAndOrdersGiveTheSameBins() {
    Random r = new Random(11);
    for (boolean twoD : new boolean[] {false, true}) {
      List<double[]> pts = points(r, 3000);
      DyadicBins whole = new DyadicBins(twoD ? 512 : 64);
      for (double[] p : pts) whole.add(p[0], twoD ? p[1] : 0, p[2]);
      String expected = text(whole);
      for (int trial = 0; trial < 5; trial++) {
        Collections.shuffle(pts, r);
        int k = 2 + r.nextInt(6);
        List<DyadicBins> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) parts.add(new DyadicBins(twoD ? 512 : 64));
        for (double[] p : pts) parts.get(r.nextInt(k)).add(p[0], twoD ? p[1] : 0, p[2]);
        Collections.shuffle(parts, r);
        DyadicBins m = parts.get(0);
        for (int i = 1; i < k; i++) m.merge(parts.get(i));
        assertEquals(expected, text(m), "split into " + k);
      }
      assertTrue(whole.bins().size() <= (twoD ? 512 : 64));
      assertEquals(1, whole.nonFinite());
    }
  }

  @Test
  void keepsFineBinsWhenFewValuesAndCountsExactly() {
    DyadicBins b = new DyadicBins(16);
    for (int i = 0; i < 1000; i++) b.add(i % 4 + 0.5, 0, 1.0);
    b.add(1e9, 0, 1.0); // an outlier costs one bin; the resolution is only bounded by |max| / 2^30
    assertEquals(5, b.bins().size());
    assertEquals(1.0, b.width());
    assertEquals(250.0, b.bins().get(0)[2]);
  }

  @Test
  void weightsAreExactSums() {
    DyadicBins a = new DyadicBins(8);
    DyadicBins b = new DyadicBins(8);
    a.add(1, 0, 1.0);
    a.add(1, 0, 1.0);
    b.add(1, 0, 0.1);
    b.add(1, 0, 0.2);
    a.merge(b);
    assertEquals(4.0, a.bins().get(0)[3]);
    assertEquals(2.3, a.bins().get(0)[2], 0.0); // exact; 1 + 1 + 0.1 + 0.2 in doubles gives 2.3000000000000003
  }

  @Test
  void batchAddsGiveTheBinsOfSingleAdds() {
    Random r = new Random(12);
    for (int trial = 0; trial < 40; trial++) {
      boolean twoD = trial % 2 == 1;
      int n = 1 + r.nextInt(3000);
      double spread = Math.pow(10, r.nextInt(12) - 4);
      double[] xs = new double[n], ys = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = r.nextInt(50) == 0 ? r.nextGaussian() * spread * 1e4 : r.nextGaussian() * spread + (trial % 3) * spread;
        ys[i] = xs[i] + r.nextGaussian() * spread;
        if (trial % 7 == 6 && r.nextInt(300) == 0) xs[i] = Double.POSITIVE_INFINITY;
      }
      DyadicBins one = new DyadicBins(twoD ? 256 : 32), batched = new DyadicBins(twoD ? 256 : 32);
      for (int i = 0; i < n; i++) one.add(xs[i], twoD ? ys[i] : 0, 1.0);
      int[] ix = new int[n], iy = new int[n];
      for (int from = 0; from < n; ) {
        int m = Math.min(n - from, 1 + r.nextInt(1000));
        batched.add(java.util.Arrays.copyOfRange(xs, from, from + m), twoD ? java.util.Arrays.copyOfRange(ys, from, from + m) : null,
            m, ix, iy);
        from += m;
      }
      assertEquals(text(one), text(batched), "trial " + trial);
    }
  }

  /** Batch adds remember bins' slots; merges, growth, coarsening and a weighted row between them must not make them stale. */
  @Test
  void batchAddsBetweenMergesAndWeightsGiveTheBinsOfSingleAdds() {
    Random r = new Random(31);
    for (int trial = 0; trial < 30; trial++) {
      int maxBins = 64 + trial * 17 % 512;
      DyadicBins one = new DyadicBins(maxBins), batched = new DyadicBins(maxBins);
      double spread = 1 + r.nextInt(20);
      for (int step = 0; step < 12; step++) {
        int n = 1 + r.nextInt(2000);
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
          xs[i] = r.nextGaussian() * spread * (step + 1);
          ys[i] = xs[i] + r.nextGaussian() * spread;
          one.add(xs[i], ys[i], 1.0);
        }
        batched.add(xs, ys, n, new int[n], new int[n]);
        if (r.nextInt(3) == 0) { // a merge of other points
          DyadicBins other = new DyadicBins(maxBins);
          for (int i = 0; i < 50; i++) other.add(r.nextGaussian() * spread * 9, r.nextGaussian() * spread, 1.0);
          one.merge(other);
          batched.merge(other);
        }
        if (trial % 5 == 4 && step == 6) { // from here on, weights
          one.add(1.5, 2.5, 0.25);
          batched.add(1.5, 2.5, 0.25);
        }
        assertEquals(text(one), text(batched), "trial " + trial + ", step " + step);
      }
    }
  }
}
