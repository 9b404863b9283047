package dev.sparkeval.catalog;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import java.util.ArrayList;
import java.util.List;

/** The standard catalogue: every loss and metric of every task. */
public final class Catalogs {
  private Catalogs() {}

  private static final Catalog STANDARD = build();

  public static Catalog standard() {
    return STANDARD;
  }

  private static Catalog build() {
    List<Entry> all = new ArrayList<>();
    all.addAll(Regression.entries());
    all.addAll(RegressionPeers.entries());
    all.addAll(Classification.entries());
    all.addAll(BinaryPeers.entries());
    all.addAll(ClassRates.entries());
    all.addAll(LabelRanking.entries());
    all.addAll(VectorEntries.entries());
    all.addAll(Ranking.entries());
    all.addAll(Clustering.entries());
    return new Catalog(all);
  }
}
