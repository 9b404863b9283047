package dev.sparkeval.catalog;

import dev.sparkeval.core.Entry;
import java.util.ArrayList;
import java.util.List;

/** The entries of the vector tasks: distribution, embedding and segmentation. */
final class VectorEntries {
  private VectorEntries() {}

  static List<Entry> entries() {
    List<Entry> all = new ArrayList<>(Distribution.entries());
    all.addAll(Embedding.entries());
    all.addAll(Segmentation.entries());
    return all;
  }
}
