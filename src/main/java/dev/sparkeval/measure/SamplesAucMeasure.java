package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.SamplesAucStat;
import java.util.List;

/** Multilabel ROC AUC, average=samples: the weighted mean of each row's AUC over its labels (scikit-learn). */
public final class SamplesAucMeasure implements Measure {
  private final SamplesAucStat stat;

  public SamplesAucMeasure(boolean logits) {
    this.stat = new SamplesAucStat(logits);
  }

  @Override public List<Stat> needs() { return List.of(stat); }

  @Override public Value finish(StatSet stats) { return stats.get(stat).finish(); }
}
