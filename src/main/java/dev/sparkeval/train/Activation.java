package dev.sparkeval.train;

import dev.sparkeval.core.Suggest;
import dev.sparkeval.loss.Decisions;
import dev.sparkeval.core.UsageException;
import java.util.List;
import java.util.Locale;

/** Hidden-layer activations. Derivatives are written in terms of the activation's output a. */
public enum Activation {
  RELU, TANH, SIGMOID;

  public double apply(double z) {
    return switch (this) {
      case RELU -> z > 0 ? z : 0.0;
      case TANH -> StrictMath.tanh(z);
      case SIGMOID -> Decisions.sigmoid(z);
    };
  }

  /** d a / d z given a = apply(z). */
  public double slope(double a) {
    return switch (this) {
      case RELU -> a > 0 ? 1.0 : 0.0;
      case TANH -> 1 - a * a;
      case SIGMOID -> a * (1 - a);
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Activation parse(String s) {
    List<String> ids = List.of("relu", "tanh", "sigmoid");
    for (Activation a : values()) if (a.id().equals(s.toLowerCase(Locale.ROOT))) return a;
    throw new UsageException("--model mlp: activation must be one of " + ids + ", got '" + s + "'" + Suggest.hint(s, ids));
  }
}
