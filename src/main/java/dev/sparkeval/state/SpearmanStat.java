package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spearman's rank correlation: Pearson's correlation of the labels' and the predictions' mid-ranks
 * (ties share the mean of their ranks), each row counted with its weight (a row of weight k as k
 * rows). A value's rank is the exact weight below it plus half its own weight, as a double. In
 * plain Java the weight of every distinct (label, prediction) pair is kept; on Spark the state is
 * deferred: the pass fills two {@link OrderLayout}s and a sort job (spark.eval.SpearmanJob) ranks
 * the labels, then the predictions, and hands back the {@link RankMoments}.
 */
public final class SpearmanStat extends Stat {
  private static final long serialVersionUID = 1L;

  /** Spearman's ranks have a sort job of their own, which does not carry bootstrap replicates. */
  @Override public boolean bootstrappable() { return false; }
  private boolean deferred;
  private final OrderLayout labels = new OrderLayout(), predictions = new OrderLayout();
  private final Map<Pair, Weights> local = new HashMap<>();
  private RankMoments done;

  record Pair(double y, double p) implements java.io.Serializable {}

  /** The weights of one pair: unit weights counted, others listed (so sums over them stay exact). */
  static final class Weights implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long ones;
    double[] others = new double[0];
    int n;

    void add(double w) {
      if (w == 1.0) {
        ones++;
        return;
      }
      if (n == others.length) others = java.util.Arrays.copyOf(others, Math.max(4, 2 * n));
      others[n++] = w;
    }

    void merge(Weights o) {
      ones += o.ones;
      for (int i = 0; i < o.n; i++) add(o.others[i]);
    }

    void into(PosNeg t) {
      t.merge(PosNeg.counted(ones, 0));
      for (int i = 0; i < n; i++) t.add(true, others[i]);
    }
  }

  @Override public String key() { return "spearman"; }

  @Override public Stat fresh() {
    SpearmanStat s = new SpearmanStat();
    s.deferred = deferred;
    return s;
  }

  @Override public boolean needsSortJob() { return true; }

  public void defer() { deferred = true; }

  @Override public void add(Example e) {
    double y = e.label + 0.0, p = e.prediction + 0.0;
    labels.add(OrderKeys.ascending(y), true, e.weight);
    predictions.add(OrderKeys.ascending(p), true, e.weight);
    if (!deferred) local.computeIfAbsent(new Pair(y, p), k -> new Weights()).add(e.weight);
  }

  @Override public void merge(Stat other) {
    SpearmanStat o = same(other, SpearmanStat.class);
    labels.merge(o.labels);
    predictions.merge(o.predictions);
    if (deferred) return;
    for (Map.Entry<Pair, Weights> e : o.local.entrySet()) local.computeIfAbsent(e.getKey(), k -> new Weights()).merge(e.getValue());
  }

  public OrderLayout labels() { return labels; }

  public OrderLayout predictions() { return predictions; }

  /** Rows seen (of any weight). */
  public long rows() { return labels.total().rows(); }

  public void complete(RankMoments m) { done = m; }

  /** The moments of the ranks: from the sort job, or ranked here. */
  public RankMoments moments() {
    if (done != null) return done;
    if (deferred) throw new IllegalStateException("spearman was not completed by the sort job");
    Map<Double, Double> ry = ranks(true), rp = ranks(false);
    RankMoments m = new RankMoments();
    for (Map.Entry<Pair, Weights> e : local.entrySet()) {
      double a = ry.get(e.getKey().y()), b = rp.get(e.getKey().p());
      Weights w = e.getValue();
      if (w.ones > 0) m.add(w.ones, a, b);
      for (int i = 0; i < w.n; i++) m.add(w.others[i], a, b);
    }
    return m;
  }

  /** Mid-rank of every distinct label (or prediction): the weight below plus half its own. */
  private Map<Double, Double> ranks(boolean ofLabels) {
    TreeMap<Double, PosNeg> groups = new TreeMap<>();
    for (Map.Entry<Pair, Weights> e : local.entrySet()) {
      double v = ofLabels ? e.getKey().y() : e.getKey().p();
      e.getValue().into(groups.computeIfAbsent(v, k -> new PosNeg()));
    }
    Map<Double, Double> out = new HashMap<>();
    PosNeg below = new PosNeg();
    for (Map.Entry<Double, PosNeg> g : groups.entrySet()) {
      out.put(g.getKey(), rank(below, g.getValue()));
      below.merge(g.getValue());
    }
    return out;
  }

  /** The rank shared by a group of equal values: exact weight below plus half the group's, rounded as doubles. */
  public static double rank(PosNeg below, PosNeg group) {
    return below.pos() + 0.5 * group.pos();
  }
}
