package dev.sparkeval.core;

/** The number of rows and the exact sum of their weights: the denominator of every weighted mean. */
public final class WeightStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final String KEY = "weight";
  private final ExactSum weight = new ExactSum(); // weights other than 1
  private long count;
  private long ones; // unit weights are counted, not summed: the common unweighted case costs an increment

  @Override public String key() { return KEY; }

  @Override public Stat fresh() { return new WeightStat(); }

  @Override public void add(Example e) {
    if (e.weight == 1.0) ones++;
    else weight.add(e.weight);
    count++;
  }

  @Override public void add(Batch b) {
    count += b.size;
    if (b.weight == null) ones += b.size;
    else b.sums().add(b.weight, b.size, weight); // ones summed instead of counted: the same exact total
  }

  @Override public void merge(Stat other) {
    WeightStat o = same(other, WeightStat.class);
    weight.merge(o.weight);
    count += o.count;
    ones += o.ones;
  }

  /** The exact sum of all weights. */
  public ExactSum weight() {
    ExactSum all = new ExactSum();
    all.merge(weight);
    all.add((double) ones); // exact: counts stay far below 2^53
    return all;
  }

  public long count() { return count; }

  @Override public boolean skipsIgnoredElements() { return true; } // reads no label

}
