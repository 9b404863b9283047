package dev.sparkeval.perf;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.ExactSumBuffer;

/** Manual probe (not a test): cost per add of ExactSum and of its large buffer against a plain double sum. */
public final class ExactSumProbe {
  private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Thread CPU time: other processes on a shared machine do not inflate it. */
  static long cpu() {
    return MX.getCurrentThreadCpuTime();
  }

  public static void main(String[] a) {
    int n = 4096 * 5000;
    int batch = 4096;
    double[] xs = new double[1 << 16];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < xs.length; i++) xs[i] = r.nextGaussian() * 100;
    ExactSumBuffer buf = new ExactSumBuffer();
    double[] chunk = new double[batch];
    for (int rep = 0; rep < 7; rep++) {
      long t0 = cpu();
      double plain = 0;
      for (int i = 0; i < n; i++) plain += xs[i & 0xFFFF];
      long t1 = cpu();
      ExactSum s = new ExactSum();
      for (int i = 0; i < n; i++) s.add(xs[i & 0xFFFF]);
      long t2 = cpu();
      ExactSum b = new ExactSum();
      for (int i = 0; i < n; i += batch) {
        System.arraycopy(xs, i & 0xFFFF, chunk, 0, batch);
        buf.add(chunk, batch, b);
      }
      long t3 = cpu();
      ExactSum p = new ExactSum();
      for (int i = 0; i < n; i += batch) {
        System.arraycopy(xs, i & 0xFFFF, chunk, 0, batch);
        buf.addProducts(chunk, chunk, batch, p);
      }
      long t4 = cpu();
      ExactSum q = new ExactSum();
      for (int i = 0; i < n; i++) q.addProduct(xs[i & 0xFFFF], xs[i & 0xFFFF]);
      long t5 = cpu();
      System.out.printf("plain %.2f  exact %.2f  buffer %.2f  buffer squares %.2f  exact squares %.2f ns/add (%s %s %s)%n",
          (t1 - t0) / (double) n, (t2 - t1) / (double) n, (t3 - t2) / (double) n, (t4 - t3) / (double) n, (t5 - t4) / (double) n,
          plain, s.value(), b.value());
    }
  }
}
