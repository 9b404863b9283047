package dev.sparkeval.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every catalogue entry carries the facts the rest of the code reads from it, and they agree across entries of one name. */
class EntryFactsTest {
  private static final List<Entry> ALL = Catalogs.standard().entries();

  @Test
  void everyEntryHasADirectionAndLossesAreSmallerIsBetter() {
    for (Entry e : ALL) {
      assertNotNull(e.direction(), e.name());
      if (e.kind() == Entry.Kind.LOSS) assertEquals(Direction.SMALLER, e.direction(), e.name());
    }
    assertEquals(Direction.LARGER, Catalogs.standard().entry("r2", Task.REGRESSION).direction());
    assertEquals(Direction.CLOSEST_TO_ZERO, Catalogs.standard().entry("mean_error", Task.REGRESSION).direction());
    assertEquals(Direction.SMALLER, Catalogs.standard().entry("ece", Task.BINARY).direction());
  }

  @Test
  void entriesOfOneNameAgreeOnDirectionAndColumns() {
    for (Entry a : ALL) {
      for (Entry b : ALL) {
        if (!a.name().equals(b.name())) continue;
        assertEquals(a.direction(), b.direction(), a.name());
        assertEquals(a.columns(), b.columns(), a.name());
      }
    }
    assertEquals(List.of(Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE), Catalogs.standard().entry("triplet", Task.EMBEDDING).columns());
    assertEquals(Entry.LABEL_PREDICTION, Catalogs.standard().entry("mse", Task.REGRESSION).columns());
  }

  @Test
  void onlyLossesTrainAndOnlyMetricsSayWhyNot() {
    for (Entry e : ALL) {
      if (e.trainable()) {
        assertEquals(Entry.Kind.LOSS, e.kind(), e.name());
        assertNotNull(e.training().reduction(), e.name());
        assertNull(e.training().whyNot(), e.name());
      } else if (e.training() != null) {
        assertEquals(Entry.Kind.METRIC, e.kind(), e.name());
        assertFalse(e.training().whyNot().isBlank(), e.name());
      }
    }
    for (String name : List.of("mse", "rmse", "sse", "mae", "huber", "smooth_l1", "log_cosh", "quantile")) {
      assertTrue(Catalogs.standard().entry(name, Task.REGRESSION).trainable(), name);
    }
    assertTrue(Catalogs.standard().entry("bce", Task.BINARY).trainable());
    assertTrue(Catalogs.standard().entry("focal", Task.MULTICLASS).trainable());
    assertTrue(Catalogs.standard().entry("cross_entropy", Task.MULTICLASS).trainable());
    assertFalse(Catalogs.standard().entry("cross_entropy", Task.DISTRIBUTION).trainable());
    assertFalse(Catalogs.standard().entry("accuracy", Task.BINARY).trainable());
  }
}
