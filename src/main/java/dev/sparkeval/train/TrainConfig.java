package dev.sparkeval.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The loop's settings (already validated). The fingerprint names what a resumed run must share. */
public final class TrainConfig {
  public int epochs = 20;
  public long batchSize = 32;
  public long seed = 42;
  public double l2;
  /** null: no early stopping; else "patience=N,min_delta=X". */
  public String earlyStopping;
  public boolean restoreBest = true;
  public Path checkpoint;
  public boolean resume;
  public boolean fullTrainLoss;
  public Map<String, String> fingerprint = new LinkedHashMap<>();
}
