package dev.sparkeval.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report block {@code intervals}: 95% percentile intervals of every loss and metric from an
 * N-replicate Poisson bootstrap computed in the same pass ({@link ReplicateStat}).
 */
public final class Bootstrap implements ReportPart {
  public static final String KEY = "intervals";
  private static final double[] POISSON1_CDF = poissonCdf();
  private final List<Catalog.Resolved> measures;
  private final ReplicateStat stat;
  /** Measures whose state cannot be bootstrapped (Spearman's ranks): no interval, null. */
  private final List<String> unbootstrapped;

  public Bootstrap(List<Catalog.Resolved> losses, List<Catalog.Resolved> metrics, int replicates, long seed) {
    if (replicates < 2) throw new UsageException("--bootstrap needs at least 2 replicates, got " + replicates);
    // Order statistics (exact AUC, quantiles) too: on Spark the sort job completes their replicates with their value.
    List<Catalog.Resolved> all = new ArrayList<>(losses);
    all.addAll(metrics);
    measures = new ArrayList<>();
    unbootstrapped = new ArrayList<>();
    for (Catalog.Resolved r : all) {
      if (r.measure().needs().stream().allMatch(Stat::bootstrappable)) measures.add(r);
      else unbootstrapped.add(r.spec().text());
    }
    List<Stat> protos = new ArrayList<>(List.of(new WeightStat()));
    for (Catalog.Resolved r : measures) protos.addAll(r.measure().needs());
    stat = new ReplicateStat(StatSet.of(protos), replicates, seed);
  }

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(stat); }

  /** Spec to [low, high]; null when no replicate gives the value a definition. */
  @Override public Map<String, List<Double>> finish(StatSet stats) {
    ReplicateStat reps = stats.get(stat);
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (Catalog.Resolved r : measures) {
      double[] v = new double[reps.size()];
      int n = 0;
      for (int i = 0; i < reps.size(); i++) {
        Value x = r.measure().finish(reps.replicate(i));
        if (x.defined() && !Double.isNaN(x.value())) v[n++] = x.value();
      }
      double[] d = Arrays.copyOf(v, n);
      Arrays.sort(d);
      out.put(r.spec().text(), n == 0 ? null : List.of(percentile(d, 0.025), percentile(d, 0.975)));
    }
    for (String spec : unbootstrapped) out.put(spec, null);
    return out;
  }

  /** Linear interpolation between order statistics (numpy's default percentile). */
  public static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double f = pos - lo;
    return f == 0 ? sorted[lo] : sorted[lo] + f * (sorted[hi] - sorted[lo]);
  }

  /** A Poisson(1) draw by inverting the CDF at the uniform taken from the top 53 bits of h. */
  static int poisson1(long h) {
    double u = (h >>> 11) * 0x1.0p-53;
    int k = 0;
    while (k < POISSON1_CDF.length - 1 && u >= POISSON1_CDF[k]) k++;
    return k;
  }

  private static double[] poissonCdf() {
    double[] c = new double[20];
    double p = Math.exp(-1);
    double sum = 0;
    for (int k = 0; k < c.length; k++) {
      sum += p;
      c[k] = sum;
      p /= k + 1;
    }
    return c;
  }

  /** SplitMix64's finaliser: a fast, well-mixed 64-bit hash step. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A hash of everything a row holds (not where it sits in the table). */
  static long rowHash(Example e) {
    long h = 0x243F6A8885A308D3L;
    h = step(h, e.label);
    h = step(h, e.prediction);
    h = step(h, e.weight);
    h = step(h, e.target);
    h = step(h, e.logit);
    h = steps(h, e.labelVec);
    h = steps(h, e.predictionVec);
    h = steps(h, e.anchor);
    h = steps(h, e.positive);
    h = steps(h, e.negative);
    if (e.features != null) h = steps(h, e.features); // tasks without them keep their draws
    if (e.key != 0) h = mix(h ^ e.key) + 0x9E3779B97F4A7C15L;
    return h;
  }

  private static long step(long h, double v) {
    return mix(h ^ Double.doubleToLongBits(v)) + 0x9E3779B97F4A7C15L;
  }

  private static long steps(long h, double[] v) {
    if (v == null) return step(h, -0.0);
    h = step(h, v.length);
    for (double x : v) h = step(h, x);
    return h;
  }
}
