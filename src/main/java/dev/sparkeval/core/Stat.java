package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Mergeable sufficient statistics: the state behind one or more losses and metrics.
 * {@link #fresh()} is the zero, {@link #add} folds one row in, {@link #merge} combines two
 * partial states of the same key. Implementations must be deterministic and side-effect free
 * (Spark may run a task twice) and their merge associative and commutative.
 */
public abstract class Stat implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Identifies the statistic and its configuration; measures with the same key share one state. */
  public abstract String key();

  /** An empty state with the same configuration. */
  public abstract Stat fresh();

  public abstract void add(Example e);

  /**
   * Folds rows [0, b.size) of a batch in. The default fills the batch's Example row by row and
   * calls {@link #add(Example)}; hot states override it with tight loops over the columns, and
   * must then add exactly what the per-row path adds (the bits of every result are the same).
   */
  public void add(Batch b) {
    Example e = b.example();
    for (int i = 0; i < b.size; i++) {
      b.fill(i, e);
      add(e);
    }
  }

  /** Folds {@code other} (same key) into this state. */
  public abstract void merge(Stat other);

  /**
   * True for states completed by a sort job after the pass (exact AUC); on Spark the job also
   * completes their bootstrap replicates.
   */
  public boolean needsSortJob() {
    return false;
  }

  /**
   * Whether this state leaves out the multilabel label elements that --ignore-index marks (see
   * {@link Example#ignored(double)}), or reads no label elements at all. A multilabel plan with
   * an ignore index refuses measures whose states do not (they would count such elements as 0).
   */
  public boolean skipsIgnoredElements() {
    return false;
  }

  /**
   * False for a state whose completion cannot also complete bootstrap replicates (Spearman's
   * ranks, which have a sort job of their own): the measures that need it get no interval.
   */
  public boolean bootstrappable() {
    return true;
  }

  protected final <T extends Stat> T same(Stat other, Class<T> type) {
    if (!type.isInstance(other) || !other.key().equals(key())) {
      throw new IllegalArgumentException("cannot merge state " + other.key() + " into " + key());
    }
    return type.cast(other);
  }
}
