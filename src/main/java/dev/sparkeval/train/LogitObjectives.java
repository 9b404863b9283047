package dev.sparkeval.train;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.BceWithLogits;
import dev.sparkeval.loss.CrossEntropy;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.SigmoidFocal;
import dev.sparkeval.loss.SoftmaxFocal;
import dev.sparkeval.loss.VectorLoss;

/**
 * Classification objectives on the model's logits, built on the evaluation's own loss classes in
 * their logits form (BCEWithLogits, sigmoid focal, cross-entropy on log_softmax, softmax focal),
 * whose derivatives with respect to the logits feed backpropagation directly.
 */
final class LogitObjectives {
  private LogitObjectives() {}

  static Objective create(String name, Params p, Task task, double[] classWeights) {
    if (task == Task.BINARY) {
      return switch (name) {
        case "bce" -> new Binary(new BceWithLogits(p.dbl("pos_weight")));
        case "focal" -> new Binary(new SigmoidFocal(p.dbl("alpha"), p.dbl("gamma"), true));
        default -> throw new IllegalArgumentException(name);
      };
    }
    return switch (name) {
      case "cross_entropy" -> new Multiclass(new CrossEntropy(p.dbl("label_smoothing"), p.integer("ignore_index"), classWeights,
          base(p.str("base")), true), p.integer("ignore_index"), classWeights);
      case "focal" -> new Multiclass(new SoftmaxFocal(p.dbl("gamma"), classWeights, true), Integer.MIN_VALUE, null);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static double base(String b) {
    if (b.equalsIgnoreCase("e")) return Math.E;
    try {
      return Double.parseDouble(b);
    } catch (NumberFormatException e) {
      throw new UsageException("cross_entropy: base must be e, 2 or 10, got '" + b + "'");
    }
  }

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
    private final int ignoreIndex;
    private final double[] classWeights;

    Multiclass(VectorLoss loss, int ignoreIndex, double[] classWeights) {
      this.loss = loss;
      this.ignoreIndex = ignoreIndex;
      this.classWeights = classWeights;
    }

    @Override public Task task() { return Task.MULTICLASS; }

    @Override public int outputs(int classes) { return classes; }

    @Override public double loss(double[] out, double y, double[] dOut) {
      if (dOut != null) loss.gradient((int) y, out, dOut);
      return loss.value((int) y, out);
    }

    /** cross_entropy is PyTorch's weighted mean: sum w_y l / sum w_y, ignored rows in neither. */
    @Override public double rowWeight(double y) {
      int c = (int) y;
      if (c == ignoreIndex) return 0.0;
      return classWeights == null ? 1.0 : classWeights[c];
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
