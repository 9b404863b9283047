package dev.sparkeval.train;

import dev.sparkeval.core.Params;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sgd, momentum and adam with PyTorch's update rules (torch.optim.SGD with and without momentum,
 * torch.optim.Adam with bias correction). The state (step count, buffers) is plain data so that
 * checkpoints can save and restore it exactly.
 */
public final class Optimizer implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public enum Kind { SGD, MOMENTUM, ADAM }

  private final Kind kind;
  private final double lr, beta1, beta2, eps;
  private long steps;
  private double[] m, v;

  private Optimizer(Kind kind, double lr, double beta1, double beta2, double eps) {
    this.kind = kind;
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  /** The optimizer of a spec, with a learning rate that the settings builder has checked (finite, > 0). */
  public static Optimizer parse(String text, double learningRate) {
    Spec s = Spec.parse(text);
    List<String> names = List.of("sgd", "momentum", "adam");
    Map<String, String> v = new LinkedHashMap<>();
    switch (s.name()) {
      case "sgd" -> { }
      case "momentum" -> v.put("beta", "0.9");
      case "adam" -> {
        v.put("beta1", "0.9");
        v.put("beta2", "0.999");
        v.put("eps", "1e-8");
      }
      default -> throw new UsageException("unknown --optimizer '" + s.name() + "'" + Suggest.hint(s.name(), names)
          + "; expected sgd, momentum:beta=0.9 or adam:beta1=0.9,beta2=0.999,eps=1e-8");
    }
    for (String k : s.params().keySet()) {
      if (!v.containsKey(k)) {
        throw new UsageException("--optimizer " + s.name() + " has no parameter '" + k + "'"
            + (v.isEmpty() ? "; it takes none" : "; its parameters are " + String.join(", ", v.keySet())));
      }
    }
    v.putAll(s.params());
    Params p = new Params("--optimizer " + s.name(), v);
    return switch (s.name()) {
      case "sgd" -> new Optimizer(Kind.SGD, learningRate, 0, 0, 0);
      case "momentum" -> new Optimizer(Kind.MOMENTUM, learningRate, p.dbl("beta", 0, false, 1, true), 0, 0);
      default -> new Optimizer(Kind.ADAM, learningRate, p.dbl("beta1", 0, false, 1, true), p.dbl("beta2", 0, false, 1, true),
          p.dbl("eps", 0, true, Double.POSITIVE_INFINITY, true));
    };
  }

  /** One update of w with the gradient g. */
  public void step(double[] w, double[] g) {
    if (m == null) {
      m = new double[w.length];
      v = kind == Kind.ADAM ? new double[w.length] : null;
    }
    steps++;
    switch (kind) {
      case SGD -> {
        for (int i = 0; i < w.length; i++) w[i] -= lr * g[i];
      }
      case MOMENTUM -> { // torch: buf = beta * buf + g (buf = g on the first step), w -= lr * buf
        for (int i = 0; i < w.length; i++) {
          m[i] = steps == 1 ? g[i] : beta1 * m[i] + g[i];
          w[i] -= lr * m[i];
        }
      }
      case ADAM -> {
        double c1 = 1 - StrictMath.pow(beta1, steps);
        double c2 = 1 - StrictMath.pow(beta2, steps);
        for (int i = 0; i < w.length; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
      }
    }
  }

  /** Saved state: the step count and the buffers (null before the first step). */
  public record State(long steps, double[] m, double[] v) implements java.io.Serializable {}

  public State state() {
    return new State(steps, m == null ? null : m.clone(), v == null ? null : v.clone());
  }

  public void restore(State s) {
    steps = s.steps();
    m = s.m() == null ? null : s.m().clone();
    v = s.v() == null ? null : s.v().clone();
  }

  public Kind kind() { return kind; }
}
