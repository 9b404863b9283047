package dev.sparkeval.train;

import dev.sparkeval.core.Params;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's EarlyStopping on val_loss: an epoch improves when its loss is below best - min_delta;
 * training stops after patience epochs without improvement. The state is plain data for checkpoints.
 */
public final class EarlyStopping {
  public final int patience;
  public final double minDelta;
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private int wait;

  public EarlyStopping(int patience, double minDelta) {
    this.patience = patience;
    this.minDelta = minDelta;
  }

  /** patience=N,min_delta=X (defaults 5 and 0). */
  public static EarlyStopping parse(String text) {
    Spec s = Spec.parse("early_stopping:" + text);
    Map<String, String> v = new LinkedHashMap<>(Map.of("patience", "5", "min_delta", "0"));
    for (String k : s.params().keySet()) {
      if (!v.containsKey(k)) {
        throw new UsageException("--early-stopping has no parameter '" + k + "'; expected patience=N,min_delta=X");
      }
    }
    v.putAll(s.params());
    Params p = new Params("--early-stopping", v);
    return new EarlyStopping(p.integer("patience", 1, Integer.MAX_VALUE), p.dbl("min_delta", 0, false, Double.POSITIVE_INFINITY, true));
  }

  /** Records an epoch's validation loss; true when it improved (its weights become the best). */
  public boolean improved(int epoch, double valLoss) {
    if (valLoss < best - minDelta) { // NaN never improves
      best = valLoss;
      bestEpoch = epoch;
      wait = 0;
      return true;
    }
    wait++;
    return false;
  }

  public boolean shouldStop() {
    return wait >= patience;
  }

  public int bestEpoch() { return bestEpoch; }

  public double best() { return best; }

  public Map<String, Object> state() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("best", Double.isFinite(best) ? best : null);
    m.put("best_epoch", bestEpoch);
    m.put("wait", wait);
    return m;
  }

  public void restore(Map<String, Object> m) {
    best = m.get("best") == null ? Double.POSITIVE_INFINITY : ((Number) m.get("best")).doubleValue();
    bestEpoch = ((Number) m.get("best_epoch")).intValue();
    wait = ((Number) m.get("wait")).intValue();
  }
}
