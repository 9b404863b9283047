package dev.sparkeval.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
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

  /** Reads dir/checkpoint.json, checking every field's presence, type and range (not yet the sizes: see {@link #checkSizes}). */
  public static Checkpoint read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--resume: no checkpoint at " + file + "; run once with --checkpoint " + dir + " first");
    }
    Fields f = new Fields("--resume: checkpoint " + file);
    JsonNode m = f.read(file, "sparkeval-checkpoint", "sparkeval checkpoint");
    JsonNode fp = f.object(m, "", "fingerprint");
    Map<String, String> fingerprint = new LinkedHashMap<>();
    fp.fieldNames().forEachRemaining(k -> fingerprint.put(k, f.text(fp, "fingerprint", k)));
    int epoch = (int) f.integer(m, "", "epoch", 0, Integer.MAX_VALUE);
    boolean stopped = f.bool(m, "", "stopped");
    double[] weights = f.doubles(m, "", "weights", -1, false);
    double[] best = f.doubles(m, "", "best_weights", -1, true);
    int bestEpoch = (int) f.integer(m, "", "best_epoch", 0, epoch);
    Double bestLoss = f.number(m, "", "best_loss", true);
    JsonNode o = f.object(m, "", "optimizer");
    Optimizer.State opt = new Optimizer.State(f.integer(o, "optimizer", "steps", 0, Long.MAX_VALUE),
        f.doubles(o, "optimizer", "m", -1, true), f.doubles(o, "optimizer", "v", -1, true));
    JsonNode es = f.object(m, "", "early_stopping");
    Map<String, Object> early = new LinkedHashMap<>();
    if (es.size() > 0) {
      early.put("best", f.number(es, "early_stopping", "best", true));
      early.put("best_epoch", f.integer(es, "early_stopping", "best_epoch", 0, epoch));
      early.put("wait", f.integer(es, "early_stopping", "wait", 0, Integer.MAX_VALUE));
    }
    List<String> metrics = f.texts(m, "", "metrics", false);
    JsonNode h = f.list(m, "", "history", epoch);
    List<Epoch> history = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      String at = "history[" + i + "]";
      JsonNode e = h.get(i);
      if (!e.isObject()) throw f.bad(at, "an object (one epoch)", e);
      f.integer(e, at, "epoch", i + 1, i + 1);
      Map<String, Double> mets = new LinkedHashMap<>();
      for (String k : metrics) mets.put(k, f.number(e, at, "val_" + k, true));
      Double train = f.number(e, at, "train_loss", true);
      history.add(new Epoch(i + 1, f.integer(e, at, "iterations", 1, Long.MAX_VALUE), train == null ? Double.NaN : train,
          e.has("train_loss_full") ? orNaN(f.number(e, at, "train_loss_full", true)) : null, f.number(e, at, "val_loss", true),
          mets, f.number(e, at, "seconds", false)));
    }
    return new Checkpoint(fingerprint, epoch, stopped, weights, best, bestEpoch, bestLoss, opt, early, history, metrics);
  }

  private static Double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  /**
   * Refuses a checkpoint whose vectors do not fit this run's model (params weights) and optimizer:
   * the weights, the best weights and the optimizer's buffers (m for all, and v for adam).
   */
  public void checkSizes(Path dir, int params, Optimizer.Kind kind) {
    Fields f = new Fields("--resume: checkpoint " + dir.resolve(FILE));
    String model = " (this run's model has " + params + " parameters)";
    if (weights.length != params) throw f.bad("weights", "a list of " + params + " numbers" + model, listOf(weights.length));
    if (bestWeights != null && bestWeights.length != params) {
      throw f.bad("best_weights", "a list of " + params + " numbers or null" + model, listOf(bestWeights.length));
    }
    if (optimizer.m() != null && optimizer.m().length != params) {
      throw f.bad("optimizer.m", "a list of " + params + " numbers" + model, listOf(optimizer.m().length));
    }
    if (kind == Optimizer.Kind.ADAM && optimizer.v() != null && optimizer.v().length != params) {
      throw f.bad("optimizer.v", "a list of " + params + " numbers" + model, listOf(optimizer.v().length));
    }
    if (kind == Optimizer.Kind.ADAM && (optimizer.m() == null) != (optimizer.v() == null)) {
      throw f.bad("optimizer.v", "a list of " + params + " numbers when optimizer.m is one, else null (adam keeps both)",
          optimizer.v() == null ? NullNode.getInstance() : listOf(optimizer.v().length));
    }
    if (kind == Optimizer.Kind.MOMENTUM && optimizer.v() != null) {
      throw f.bad("optimizer.v", "null for momentum (which keeps one buffer)", listOf(optimizer.v().length));
    }
  }

  private static JsonNode listOf(int n) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = 0; i < n; i++) a.add(0);
    return a;
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
