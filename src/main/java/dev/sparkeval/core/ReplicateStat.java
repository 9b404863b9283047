package dev.sparkeval.core;

/**
 * The Poisson bootstrap folded into the pass: N replicate state sets, each row added to
 * replicate r with weight w * k, k ~ Poisson(1) drawn from a hash of the row's content, the seed
 * and r. The draw depends on nothing else, so replicates (and their intervals) are the same at
 * any partitioning and row order. Identical rows get identical draws.
 */
public final class ReplicateStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final StatSet[] replicates;
  private final long[] salts;
  private final long seed;

  public ReplicateStat(StatSet prototype, int n, long seed) {
    this.seed = seed;
    this.replicates = new StatSet[n];
    this.salts = new long[n];
    for (int r = 0; r < n; r++) {
      replicates[r] = prototype.fresh();
      salts[r] = Bootstrap.mix(seed * 0x9E3779B97F4A7C15L + (r + 1) * 0xC2B2AE3D27D4EB4FL);
    }
  }

  @Override public String key() { return "bootstrap:" + replicates.length + ":" + seed; }

  @Override public Stat fresh() { return new ReplicateStat(replicates[0], replicates.length, seed); }

  @Override public void add(Example e) {
    long h = Bootstrap.rowHash(e);
    double w = e.weight;
    try {
      for (int r = 0; r < replicates.length; r++) {
        int k = draw(h, r);
        if (k == 0) continue;
        e.weight = w * k;
        replicates[r].add(e);
      }
    } finally {
      e.weight = w;
    }
  }

  @Override public void merge(Stat other) {
    ReplicateStat o = same(other, ReplicateStat.class);
    for (int r = 0; r < replicates.length; r++) replicates[r].merge(o.replicates[r]);
  }

  /** The hash of a row that its draws come from (its content, not its place in the table). */
  public static long hash(Example e) {
    return Bootstrap.rowHash(e);
  }

  /** How many times the row with this hash enters replicate r (Poisson(1)): the draw of {@link #add}. */
  public int draw(long rowHash, int r) {
    return draw(rowHash, salts[r]);
  }

  /** The draw for one replicate's salt ({@link #salts}): what a sort job's task computes without the states. */
  public static int draw(long rowHash, long salt) {
    return Bootstrap.poisson1(Bootstrap.mix(rowHash ^ salt));
  }

  /** Each replicate's salt, from the seed: all a task needs to draw as the pass did. */
  public long[] salts() {
    return salts.clone();
  }

  public StatSet replicate(int r) { return replicates[r]; }

  @Override public boolean skipsIgnoredElements() {
    for (Stat s : replicates[0].stats()) if (!s.skipsIgnoredElements()) return false;
    return true;
  }

  public int size() { return replicates.length; }
}
