package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.DimensionStat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The weighted mean of a per-row vector function, with the dimension check and the columns it reads. */
public final class VectorMean implements Measure {
  private final MeanMeasure mean;
  private final Set<Role> roles;

  public VectorMean(RowFunction f, Role... roles) {
    this.mean = new MeanMeasure(f);
    this.roles = EnumSet.of(roles[0], roles);
  }

  @Override public List<Stat> needs() {
    List<Stat> s = new ArrayList<>(mean.needs());
    s.add(new DimensionStat());
    return s;
  }

  @Override public Value finish(StatSet stats) {
    return mean.finish(stats);
  }

  @Override public Set<Role> roles() {
    return roles;
  }
}
