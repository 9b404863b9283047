package dev.sparkeval.train;

import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import java.util.List;

/** The Spark side's algorithm on blocks in memory: one block per "partition", merged in order. */
public final class LocalBatches implements Batches {
  private final List<Block> train;
  private final List<Block> validation;
  private final long seed, batchSize;
  private final Network net;
  private final Objective obj;
  private final long[] offsets;
  private final long rows;
  private long[][] keys;
  /** Every batch's row count, in order, for the tests. */
  public final java.util.List<Long> batchRows = new java.util.ArrayList<>();

  public LocalBatches(List<Block> train, List<Block> validation, long seed, long batchSize, Network net, Objective obj) {
    this.train = train;
    this.validation = validation;
    this.seed = seed;
    this.batchSize = batchSize;
    this.net = net;
    this.obj = obj;
    offsets = new long[train.size()];
    long n = 0;
    for (int i = 0; i < train.size(); i++) {
      offsets[i] = n;
      n += train.get(i).n;
    }
    rows = n;
  }

  @Override public long rows() { return rows; }

  @Override public long validationRows() { return validation.stream().mapToLong(b -> b.n).sum(); }

  @Override public void epoch(int epoch) {
    Shuffle s = new Shuffle(seed, epoch, rows);
    keys = new long[train.size()][];
    for (int i = 0; i < train.size(); i++) keys[i] = train.get(i).order(s, offsets[i], batchSize);
  }

  @Override public StepSums step(long batch, double[] w) {
    StepSums total = new StepSums(net.size());
    for (int i = 0; i < train.size(); i++) total.merge(train.get(i).step(keys[i], batch, net, obj, w));
    batchRows.add(total.rows);
    return total;
  }

  @Override public StatSet evaluate(Part part, double[] w, StatSet prototype, RowRule rule) {
    StatSet total = prototype.fresh();
    for (Block b : part == Part.TRAIN ? train : validation) total.merge(b.evaluate(net, obj, w, prototype, rule));
    return total;
  }

  /** Splits rows (x row-major with d columns, y) into k blocks of near-equal size. */
  public static List<Block> blocks(double[][] x, double[] y, int k) {
    java.util.List<Block> out = new java.util.ArrayList<>();
    int n = y.length, d = x[0].length;
    for (int p = 0; p < k; p++) {
      int from = (int) ((long) n * p / k), to = (int) ((long) n * (p + 1) / k);
      double[] bx = new double[(to - from) * d];
      double[] by = new double[to - from];
      for (int i = from; i < to; i++) {
        System.arraycopy(x[i], 0, bx, (i - from) * d, d);
        by[i - from] = y[i];
      }
      out.add(new Block(to - from, d, bx, by));
    }
    return out;
  }
}
