package dev.sparkeval.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fused state of a whole evaluation: every distinct statistic once, folded in one loop. */
public final class StatSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Stat[] stats;
  private final String[] keys;

  private StatSet(Stat[] stats) {
    this.stats = stats;
    this.keys = new String[stats.length];
    for (int i = 0; i < stats.length; i++) keys[i] = stats[i].key();
  }

  /** Deduplicates prototypes by key, keeping first-seen order. */
  public static StatSet of(List<Stat> prototypes) {
    Map<String, Stat> byKey = new LinkedHashMap<>();
    for (Stat s : prototypes) byKey.putIfAbsent(s.key(), s.fresh());
    return new StatSet(byKey.values().toArray(new Stat[0]));
  }

  /** A view over the states of both sets (shared, not copied), for finishing from two sets at once. */
  public static StatSet concat(StatSet a, StatSet b) {
    Stat[] all = new Stat[a.stats.length + b.stats.length];
    System.arraycopy(a.stats, 0, all, 0, a.stats.length);
    System.arraycopy(b.stats, 0, all, a.stats.length, b.stats.length);
    return new StatSet(all);
  }

  public boolean isEmpty() {
    return stats.length == 0;
  }

  public StatSet fresh() {
    Stat[] f = new Stat[stats.length];
    for (int i = 0; i < f.length; i++) f[i] = stats[i].fresh();
    return new StatSet(f);
  }

  public void add(Example e) {
    for (Stat s : stats) s.add(e);
  }

  /** Folds a batch of rows into every state (see {@link Stat#add(Batch)}). */
  public void add(Batch b) {
    if (b.size == 0) return;
    for (Stat s : stats) s.add(b);
  }

  public void merge(StatSet other) {
    if (other.stats.length != stats.length) throw new IllegalArgumentException("state sets of different plans");
    for (int i = 0; i < stats.length; i++) stats[i].merge(other.stats[i]);
  }

  /** The state with the same key as {@code prototype}. */
  public <T extends Stat> T get(T prototype) {
    String k = prototype.key();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(k)) {
        @SuppressWarnings("unchecked")
        T t = (T) stats[i];
        return t;
      }
    }
    throw new IllegalArgumentException("no state " + k + " in this plan");
  }

  public List<Stat> stats() {
    return new ArrayList<>(List.of(stats));
  }
}
