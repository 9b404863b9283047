package dev.sparkeval.train;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.VectorLoss;

/**
 * Classification objectives on the model's logits, around the evaluation's own loss classes in
 * their logits form (BCEWithLogits, sigmoid focal, cross-entropy on log_softmax, softmax focal, as
 * the catalogue entries build them), whose derivatives with respect to the logits feed
 * backpropagation directly.
 */
final class LogitObjectives {
  private LogitObjectives() {}

  /** One logit; the loss class's derivative with respect to it. */
  static final class Binary implements Objective {
    private static final long serialVersionUID = 1L;
    private final PointLoss loss;

    Binary(PointLoss loss) {
      this.loss = loss;
    }

    @Override public Task task() { return Task.BINARY; }

    @Override public int outputs(int classes) { return 1; }

    @Override public double loss(double[] out, double y, double[] dOut) {
      if (dOut != null) dOut[0] = loss.derivative(y, out[0]);
      return loss.value(y, out[0]);
    }

    @Override public boolean logits() { return true; }

    @Override public void fill(double[] out, double y, Example e) {
      e.label = y;
      e.prediction = out[0]; // the binary row rule keeps it as the logit and derives the probability
      e.predictionVec = null;
    }

    @Override public String toString() { return loss.key(); }
  }

  /** K logits; the gradient of the loss class with respect to all of them. */
  static final class Multiclass implements Objective {
    private static final long serialVersionUID = 1L;
    private final VectorLoss loss;

    Multiclass(VectorLoss loss) {
      this.loss = loss;
    }

    @Override public Task task() { return Task.MULTICLASS; }

    @Override public int outputs(int classes) { return classes; }

    @Override public double loss(double[] out, double y, double[] dOut) {
      if (dOut != null) loss.gradient((int) y, out, dOut);
      return loss.value((int) y, out);
    }

    /** cross_entropy is PyTorch's weighted mean: sum w_y l / sum w_y, ignored rows in neither. */
    @Override public double rowWeight(double y) {
      return loss.rowWeight((int) y);
    }

    @Override public boolean logits() { return true; }

    @Override public void fill(double[] out, double y, Example e) {
      e.label = y;
      if (e.predictionVec == null || e.predictionVec.length != out.length) e.predictionVec = new double[out.length];
      System.arraycopy(out, 0, e.predictionVec, 0, out.length); // the multiclass rule moves it to logitVec and softmaxes it
    }

    @Override public String toString() { return loss.key(); }
  }
}
