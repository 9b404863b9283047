package dev.sparkeval.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the history. trainLoss is the mean of the epoch's batch losses weighted by batch
 * size (what Keras prints as loss); trainLossFull, when asked for, is the loss of the end-of-epoch
 * weights over every training row. Metrics are the validation metrics by spec (null: undefined).
 */
public record Epoch(int epoch, long iterations, double trainLoss, Double trainLossFull, Double valLoss,
                    Map<String, Double> valMetrics, double seconds) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("iterations", iterations);
    m.put("train_loss", finite(trainLoss));
    if (trainLossFull != null) m.put("train_loss_full", finite(trainLossFull));
    m.put("val_loss", valLoss == null ? null : finite(valLoss));
    for (Map.Entry<String, Double> e : valMetrics.entrySet()) m.put("val_" + e.getKey(), e.getValue());
    m.put("seconds", seconds);
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  @SuppressWarnings("unchecked")
  public static Epoch fromMap(Map<String, Object> m, Iterable<String> metrics) {
    Map<String, Double> mets = new LinkedHashMap<>();
    for (String k : metrics) mets.put(k, num(m.get("val_" + k)));
    Double full = m.containsKey("train_loss_full") ? orNaN(num(m.get("train_loss_full"))) : null;
    return new Epoch(((Number) m.get("epoch")).intValue(), ((Number) m.get("iterations")).longValue(),
        orNaN(num(m.get("train_loss"))), full, num(m.get("val_loss")), mets, ((Number) m.get("seconds")).doubleValue());
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  private static Double num(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
