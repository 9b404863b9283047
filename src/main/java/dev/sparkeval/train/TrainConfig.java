package dev.sparkeval.train;

import dev.sparkeval.core.InvalidSetting;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loop's settings, checked by {@link Builder#build()}. The fingerprint names what a resumed
 * run must share with the run that wrote the checkpoint (model, loss, optimizer, rows, ...).
 * A new loop setting is one component here and one method (with its check) in the builder.
 *
 * @param earlyStopping null: no early stopping; else {@code patience=N,min_delta=X}
 * @param checkpoint    null: no checkpoints; else the folder the state is saved to after every epoch
 */
public record TrainConfig(int epochs, long batchSize, long seed, double l2, String earlyStopping, boolean restoreBest,
                          Path checkpoint, boolean resume, boolean fullTrainLoss, Map<String, String> fingerprint) {
  public TrainConfig {
    fingerprint = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprint));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same settings with this fingerprint (what a resumed run must match). */
  public TrainConfig withFingerprint(Map<String, String> fp) {
    return new TrainConfig(epochs, batchSize, seed, l2, earlyStopping, restoreBest, checkpoint, resume, fullTrainLoss, fp);
  }

  /** A fluent description of the loop's settings, with the defaults of the train command. */
  public static final class Builder {
    private int epochs = 20;
    private long batchSize = 32;
    private long seed = 42;
    private double l2;
    private String earlyStopping;
    private boolean restoreBest = true;
    private Path checkpoint;
    private boolean resume;
    private boolean fullTrainLoss;
    private final Map<String, String> fingerprint = new LinkedHashMap<>();

    private Builder() {}

    /** Passes over the training rows (default 20). */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Rows per iteration (default 32). */
    public Builder batchSize(long batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Seed of the shuffle, the validation split and the initial weights (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** L2 penalty on the weights (not the biases): adds l2/2 |W|^2 to the loss (default 0). */
    public Builder l2(double l2) {
      this.l2 = l2;
      return this;
    }

    /** {@code patience=N,min_delta=X}, or null for none (the default). */
    public Builder earlyStopping(String spec) {
      this.earlyStopping = spec;
      return this;
    }

    /** With early stopping, end with the best weights (default) or the last ones. */
    public Builder restoreBest(boolean restore) {
      this.restoreBest = restore;
      return this;
    }

    /** Saves the full state here after every epoch (atomically); null for none. */
    public Builder checkpoint(Path dir) {
      this.checkpoint = dir;
      return this;
    }

    /** Continues from the checkpoint; the result is identical to an uninterrupted run. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Also computes the training loss over every training row at the end of each epoch. */
    public Builder fullTrainLoss(boolean full) {
      this.fullTrainLoss = full;
      return this;
    }

    /** One entry of what a resumed run must share with the checkpoint's run. */
    public Builder fingerprint(String what, String value) {
      fingerprint.put(what, value);
      return this;
    }

    public TrainConfig build() {
      if (batchSize < 1) throw new InvalidSetting("batchSize", "must be >= 1, got " + batchSize);
      if (epochs < 1) throw new InvalidSetting("epochs", "must be >= 1, got " + epochs);
      if (!(l2 >= 0) || !Double.isFinite(l2)) throw new InvalidSetting("l2", "must be a finite number >= 0, got " + l2);
      if (resume && checkpoint == null) throw new InvalidSetting("resume", "needs a checkpoint folder (the folder of the run to continue)");
      return new TrainConfig(epochs, batchSize, seed, l2, earlyStopping, restoreBest, checkpoint, resume, fullTrainLoss, fingerprint);
    }
  }
}
