package dev.sparkeval.core;

/** The number of rows and the exact sum of their weights: the denominator of every weighted mean. */
public final class WeightStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final String KEY = "weight";
  private final ExactSum weight = new ExactSum();
  private long count;

  @Override public String key() { return KEY; }

  @Override public Stat fresh() { return new WeightStat(); }

  @Override public void add(Example e) {
    weight.add(e.weight);
    count++;
  }

  @Override public void merge(Stat other) {
    WeightStat o = same(other, WeightStat.class);
    weight.merge(o.weight);
    count += o.count;
  }

  public ExactSum weight() { return weight; }

  public long count() { return count; }
}
