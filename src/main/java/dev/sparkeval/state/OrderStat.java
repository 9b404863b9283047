package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a stream, for order statistics (exact AUC, medians, quantiles, ranks): per row and
 * channel a value and a side (positive or negative, for scores; unused otherwise). Always kept: an
 * {@link OrderLayout} per channel, which gives the totals and the sort job's units. In plain Java
 * the weight per distinct value is kept too, and walks run over the sorted values. On Spark the
 * state is deferred: the pass fills the layouts only, and one sort job (spark.eval.OrderJob) runs
 * the walks of every {@link Walked} state over this stream; no value travels to the driver.
 */
public abstract class OrderStat extends Stat {
  private static final long serialVersionUID = 1L;
  private boolean deferred;
  private boolean external;
  private int k = -1;
  private OrderLayout[] layout;
  private List<Map<Double, PosNeg>> local;
  private List<Map<Double, ClassWeights>> localTags;
  private PosNeg[] totals;

  /** Channels of a row (1 for a scalar stream; classes for scores). */
  public abstract int channels(Example e);

  /** Elements of a row: one per channel, unless a stream puts several in one channel (micro AUC). */
  public int elements(Example e) { return channels(e); }

  /** The channel of element j. */
  public int channelOf(Example e, int j) { return j; }

  /** The value of element j, with -0.0 folded into 0.0. */
  public abstract double value(Example e, int j);

  /** The side of element j: the positive class for scores; true for one-sided streams. */
  public abstract boolean side(Example e, int j);

  /** Tagged streams carry a small whole number per element (the row's class) to their walks. */
  public boolean tagged() { return false; }

  /** Replicates walk untagged cells, so a tagged stream (one-vs-one AUC) gets no bootstrap interval. */
  @Override public boolean bootstrappable() { return !tagged(); }

  /** The tag of element j (tagged streams). */
  public int tag(Example e, int j) { return -1; }

  /** Refuses, before the sort job, a stream its walks cannot hold (nothing by default). */
  public void checkWalkable() {}

  /** Whether element j of the row is in the stream (false for an ignored multilabel element). */
  public boolean includes(Example e, int j) { return true; }

  /** Walks descend (scores: highest first) instead of ascend. */
  public boolean descending() { return false; }

  /** A long key monotone in the value; the layout bins its top bits. */
  public long layoutKey(double v) { return OrderKeys.ascending(v); }

  @Override public boolean needsSortJob() { return true; }

  /** Spark mode: the pass fills layouts only; the sort job supplies the walks. */
  public void defer() { deferred = true; }

  public boolean deferred() { return deferred; }

  /**
   * Spark mode of a bootstrap replicate: the pass keeps only the channel count (a layout per
   * replicate would cost too much); the sort job supplies the totals ({@link #completeTotals})
   * and the walks.
   */
  public void external() {
    deferred = true;
    external = true;
  }

  /** The sort job's total weight per channel, by side (a replicate's, which keeps no layout). */
  public void completeTotals(PosNeg[] channelTotals) {
    totals = channelTotals.clone();
  }

  /** A fresh state of the same stream keeping the mode. */
  protected abstract OrderStat blank();

  @Override public final Stat fresh() {
    OrderStat s = blank();
    s.deferred = deferred;
    s.external = external;
    return s;
  }

  public int classes() { return k; }

  private void size(int n) {
    if (k == n) return;
    if (k >= 0) throw ConfusionStat.mismatch(k, n);
    k = n;
    if (external) return;
    layout = new OrderLayout[n];
    local = new ArrayList<>();
    localTags = tagged() ? new ArrayList<>() : null;
    for (int c = 0; c < n; c++) {
      layout[c] = new OrderLayout();
      local.add(new HashMap<>());
      if (localTags != null) localTags.add(new HashMap<>());
    }
  }

  @Override public void add(Example e) {
    size(channels(e));
    if (external) return;
    int n = elements(e);
    for (int j = 0; j < n; j++) {
      if (!includes(e, j)) continue;
      int c = channelOf(e, j);
      double v = value(e, j);
      boolean s = side(e, j);
      layout[c].add(layoutKey(v), s, e.weight);
      if (deferred) continue;
      local.get(c).computeIfAbsent(v, x -> new PosNeg()).add(s, e.weight);
      if (localTags != null) localTags.get(c).computeIfAbsent(v, x -> new ClassWeights()).add(tag(e, j), e.weight);
    }
  }

  @Override public void merge(Stat other) {
    OrderStat o = same(other, OrderStat.class);
    if (o.k < 0) return;
    size(o.k);
    if (external) return;
    for (int c = 0; c < k; c++) {
      layout[c].merge(o.layout[c]);
      if (deferred) continue;
      Map<Double, PosNeg> mine = local.get(c);
      for (Map.Entry<Double, PosNeg> e : o.local.get(c).entrySet()) {
        PosNeg m = mine.get(e.getKey());
        if (m == null) mine.put(e.getKey(), e.getValue().copy());
        else m.merge(e.getValue());
      }
      if (localTags == null) continue;
      Map<Double, ClassWeights> tags = localTags.get(c);
      for (Map.Entry<Double, ClassWeights> e : o.localTags.get(c).entrySet()) {
        tags.computeIfAbsent(e.getKey(), x -> new ClassWeights()).merge(e.getValue());
      }
    }
  }

  public OrderLayout layout(int c) { return layout[c]; }

  /** All rows of channel c, by side. */
  public PosNeg total(int c) {
    if (totals != null) return totals[c] == null ? new PosNeg() : totals[c].copy();
    return layout[c].total();
  }

  /** Plain Java: one walk over the sorted distinct values of channel c. */
  public List<OrderWalk> walkLocally(int c, OrderWalk.Walker walker) {
    if (deferred) throw new IllegalStateException(key() + " was not completed by the sort job");
    List<Double> values = new ArrayList<>(local.get(c).keySet());
    values.sort(descending() ? (a, b) -> Double.compare(b, a) : Double::compare);
    OrderWalk w = walker.start(new PosNeg());
    for (Double v : values) w.next(v, local.get(c).get(v), localTags == null ? null : localTags.get(c).get(v));
    return List.of(w);
  }
}
