package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import java.util.List;

/**
 * A walk over another state's values (a quantile, the equal error rate, a partial AUC): it folds
 * no rows itself; the sort job completes it, or in plain Java it walks the values in memory.
 * Several walks of one stream share that stream's values and its one sort.
 */
public abstract class WalkStat extends Stat implements Walked {
  private static final long serialVersionUID = 1L;
  private final OrderStat source;
  private List<OrderWalk>[] done;

  protected WalkStat(OrderStat source) {
    this.source = source;
  }

  /** What this walk computes, with its parameters (the key adds the stream). */
  protected abstract String name();

  @Override public final String key() { return name() + "@" + source.key(); }

  @Override public OrderStat source() { return source; }

  @Override public boolean needsSortJob() { return true; }

  /** A walk reads its source's values, which leave out what the source leaves out. */
  @Override public boolean skipsIgnoredElements() { return source.skipsIgnoredElements(); }

  @Override public void add(Example e) {}

  @Override public void merge(Stat other) {
    same(other, WalkStat.class);
  }

  @Override @SuppressWarnings("unchecked")
  public void complete(int channel, List<OrderWalk> walks) {
    if (done == null) done = new List[Math.max(channel + 1, 1)];
    if (channel >= done.length) done = java.util.Arrays.copyOf(done, channel + 1);
    done[channel] = walks;
  }

  /** The walks of channel c, in stream order: from the sort job, or run here over the values in stats. */
  public List<OrderWalk> walks(StatSet stats, int c) {
    if (done != null && c < done.length && done[c] != null) return done[c];
    OrderStat data = stats.get(source);
    return data.walkLocally(c, walker(data, c));
  }
}
