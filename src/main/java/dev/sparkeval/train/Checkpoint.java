package dev.sparkeval.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the loop needs to continue exactly where it was: weights, best weights, optimizer
 * buffers, early-stopping state, history and the number of finished epochs (the shuffle of an
 * epoch is a function of seed and epoch, so that number is the RNG position). Written after every
 * epoch to checkpoint.json, atomically; doubles are written so that they read back bit for bit.
 */
public record Checkpoint(Map<String, String> fingerprint, int epoch, boolean stopped, double[] weights,
                         double[] bestWeights, int bestEpoch, Double bestLoss, Optimizer.State optimizer,
                         Map<String, Object> earlyStopping, List<Epoch> history, List<String> metrics) {
  public static final String FILE = "checkpoint.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public void write(Path dir) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "sparkeval-checkpoint");
    m.put("version", 1);
    m.put("fingerprint", fingerprint);
    m.put("epoch", epoch);
    m.put("stopped", stopped);
    m.put("weights", weights);
    m.put("best_weights", bestWeights);
    m.put("best_epoch", bestEpoch);
    m.put("best_loss", bestLoss);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("steps", optimizer.steps());
    o.put("m", optimizer.m());
    o.put("v", optimizer.v());
    m.put("optimizer", o);
    m.put("early_stopping", earlyStopping);
    m.put("metrics", metrics);
    List<Object> h = new ArrayList<>();
    for (Epoch e : history) h.add(e.toMap());
    m.put("history", h);
    AtomicFiles.write(dir, Map.of(FILE, JSON.writeValueAsString(m)));
  }

  @SuppressWarnings("unchecked")
  public static Checkpoint read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      throw new UsageException("--resume: no checkpoint at " + f + "; run once with --checkpoint " + dir + " first");
    }
    Map<String, Object> m;
    try {
      m = JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UsageException("--resume: cannot read checkpoint " + f + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!"sparkeval-checkpoint".equals(m.get("format"))) throw new UsageException("--resume: " + f + " is not a sparkeval checkpoint");
    Map<String, Object> o = (Map<String, Object>) m.get("optimizer");
    List<String> metrics = (List<String>) m.get("metrics");
    List<Epoch> history = new ArrayList<>();
    for (Object e : (List<Object>) m.get("history")) history.add(Epoch.fromMap((Map<String, Object>) e, metrics));
    return new Checkpoint((Map<String, String>) m.get("fingerprint"), ((Number) m.get("epoch")).intValue(),
        (Boolean) m.get("stopped"), doubles(m.get("weights")), doubles(m.get("best_weights")),
        ((Number) m.get("best_epoch")).intValue(), m.get("best_loss") == null ? null : ((Number) m.get("best_loss")).doubleValue(),
        new Optimizer.State(((Number) o.get("steps")).longValue(), doubles(o.get("m")), doubles(o.get("v"))),
        (Map<String, Object>) m.get("early_stopping"), history, metrics);
  }

  private static double[] doubles(Object o) {
    if (o == null) return null;
    List<?> l = (List<?>) o;
    double[] d = new double[l.size()];
    for (int i = 0; i < d.length; i++) d[i] = ((Number) l.get(i)).doubleValue();
    return d;
  }

  /** Refuses to resume under different settings, naming the first that differs. */
  public void checkSame(Map<String, String> now) {
    for (Map.Entry<String, String> e : fingerprint.entrySet()) {
      String cur = now.get(e.getKey());
      if (!e.getValue().equals(cur)) {
        throw new UsageException("--resume: the checkpoint was made with " + e.getKey() + " " + e.getValue()
            + " but this run has " + cur + "; resume with the same settings (only --epochs may change)");
      }
    }
  }
}
