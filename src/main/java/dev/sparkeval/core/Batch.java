package dev.sparkeval.core;

/**
 * Rows in column form: what the columnar pass hands to {@link Stat#add(Batch)}. The rows are
 * [0, size) of dense arrays, all of them good rows (checked and normalised by the task's rule) of
 * one slice; scalar roles only. A missing column is null: {@code weight} null means every row
 * weighs 1, {@code target} null means no target column (Example.target is NaN), {@code logit}
 * null means the prediction column holds probabilities.
 *
 * <p>A batch also carries scratch for the states that read it: arrays as long as the batch, an
 * {@link ExactSumBuffer} and an {@link Example} for the per-row fallback. States must not keep
 * references to any of it. Not thread-safe: one batch per task (or thread).
 *
 * <p>The per-row path and the batch path fold the same states and give the same bits: a state
 * that overrides {@link Stat#add(Batch)} must add exactly the values that {@link Stat#add(Example)}
 * adds for each row (the exact sums make the order irrelevant).
 */
public final class Batch {
  public int size;
  public double[] label;
  public double[] prediction;
  public double[] weight;
  public double[] target;
  public double[] logit;

  private final int capacity;
  private final double[][] scratch = new double[4][];
  private final int[][] ints = new int[2][];
  private final ExactSumBuffer sums;
  private final Example example = new Example();
  private double[] logArg, logValue;
  private double[] logitColumn;

  /** A batch of up to {@code capacity} rows with its own scratch. */
  public Batch(int capacity) {
    this(capacity, new ExactSumBuffer());
  }

  /** A batch sharing the sum buffer of another (a slice's rows gathered from a whole batch). */
  public Batch(int capacity, ExactSumBuffer sums) {
    this.capacity = capacity;
    this.sums = sums;
  }

  /**
   * Whether values [0, n) of a raw column are all finite (and, for a weight column, all >= 0): what
   * the row reader accepts. A batch that fails is checked row by row to name its bad rows.
   */
  public static boolean acceptable(double[] c, int n, boolean weight) {
    boolean ok = true;
    for (int i = 0; i < n; i++) ok &= Math.abs(c[i]) <= Double.MAX_VALUE;
    if (weight) for (int i = 0; i < n; i++) ok &= c[i] >= 0;
    return ok;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Scratch array k (0..3), at least as long as the batch; its contents are undefined on entry.
   * 0 and 1 belong to the state being folded, 2 and 3 to the row function it calls.
   */
  public double[] scratch(int k) {
    if (scratch[k] == null) scratch[k] = new double[capacity];
    return scratch[k];
  }

  /** Sets {@link #logit} to the batch's own logit column (for a rule that derives probabilities) and returns it. */
  public double[] logitColumn() {
    if (logitColumn == null) logitColumn = new double[capacity];
    logit = logitColumn;
    return logitColumn;
  }

  /** Integer scratch k (0..1), as {@link #scratch}: for bin or group indices of the rows. */
  public int[] ints(int k) {
    if (ints[k] == null) ints[k] = new int[capacity];
    return ints[k];
  }

  public ExactSumBuffer sums() {
    return sums;
  }

  /** The holder the per-row fallback fills (one per batch, so it allocates nothing per row). */
  public Example example() {
    return example;
  }

  /**
   * Math.log(x) for row i, remembered per row as {@link Example#log} remembers it: bce, focal
   * and log_loss of a binary row take the log of the same probability once.
   */
  public double log(int i, double x) {
    if (logArg == null) logMemo();
    if (logArg[i] == x) return logValue[i]; // NaN never matches
    double v = Math.log(x);
    logArg[i] = x;
    logValue[i] = v;
    return v;
  }

  /**
   * Math.log(args[i]) for rows [0, size), from the same per-row memory as {@link #log}: when every
   * argument is the one the row's log was last taken of (a second loss over the same
   * probabilities), one vectorised compare finds it and nothing is computed. The array returned
   * is the batch's own: read it before the next call.
   */
  public double[] logs(double[] args) {
    if (logArg == null) logMemo();
    int n = size;
    if (java.util.Arrays.equals(args, 0, n, logArg, 0, n)) return logValue;
    for (int i = 0; i < n; i++) {
      double x = args[i];
      if (logArg[i] != x) {
        logArg[i] = x;
        logValue[i] = Math.log(x);
      }
    }
    return logValue;
  }

  private void logMemo() {
    logArg = new double[capacity];
    java.util.Arrays.fill(logArg, Double.NaN);
    logValue = new double[capacity];
  }

  /**
   * y p + (1 - y)(1 - p): for a hard label y (0 or 1) exactly p when y is 1 and 1 - p when y is
   * 0, in arithmetic a loop can run without a branch per row.
   */
  public static double trueClass(double y, double p, double q) {
    return y * p + (1 - y) * q;
  }

  /** Copies row i into {@code e} as the row reader would have filled it. */
  public void fill(int i, Example e) {
    e.label = label == null ? 0 : label[i];
    e.prediction = prediction == null ? 0 : prediction[i];
    e.weight = weight == null ? 1.0 : weight[i];
    e.target = target == null ? Double.NaN : target[i];
    if (logit != null) e.logit = logit[i];
  }

  /** Whether row i weighs 1 (the unit-weight paths of the states). */
  public boolean unitWeight(int i) {
    return weight == null || weight[i] == 1.0;
  }
}
