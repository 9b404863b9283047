package dev.sparkeval.perf;

import dev.sparkeval.core.ExactSum;

/** Manual probe (not a test): cost per add of ExactSum against a plain double sum. */
public final class ExactSumProbe {
  public static void main(String[] a) {
    int n = 20_000_000;
    double[] xs = new double[1 << 16];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < xs.length; i++) xs[i] = r.nextGaussian() * 100;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      double plain = 0;
      for (int i = 0; i < n; i++) plain += xs[i & 0xFFFF];
      long t1 = System.nanoTime();
      ExactSum s = new ExactSum();
      for (int i = 0; i < n; i++) s.add(xs[i & 0xFFFF]);
      long t2 = System.nanoTime();
      ExactSum p = new ExactSum();
      for (int i = 0; i < n; i++) p.addProduct(xs[i & 0xFFFF], xs[(i + 7) & 0xFFFF]);
      long t3 = System.nanoTime();
      System.out.printf("plain %.2f ns/add, exact %.2f ns/add, exact product %.2f ns (%s %s %s)%n", (t1 - t0) / (double) n,
          (t2 - t1) / (double) n, (t3 - t2) / (double) n, plain, s.value(), p.value());
    }
  }
}
