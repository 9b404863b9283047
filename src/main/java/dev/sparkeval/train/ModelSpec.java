package dev.sparkeval.train;

import dev.sparkeval.core.Params;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code --model}: linear, logistic, softmax (affine models whose task is fixed) or
 * {@code mlp:hidden=64x32,activation=relu} (whose task follows the loss).
 */
public record ModelSpec(String text, String kind, int[] hidden, Activation activation) {
  public static final List<String> KINDS = List.of("linear", "logistic", "softmax", "mlp");

  public static ModelSpec parse(String text) {
    Spec s;
    try {
      s = Spec.parse(text);
    } catch (UsageException e) {
      throw new UsageException("--model: " + e.getMessage());
    }
    String kind = s.name();
    if (!KINDS.contains(kind)) {
      throw new UsageException("unknown --model '" + kind + "'" + Suggest.hint(kind, KINDS) + "; expected one of linear, "
          + "logistic, softmax, mlp:hidden=64x32,activation=relu");
    }
    if (!kind.equals("mlp")) {
      if (!s.params().isEmpty()) throw new UsageException("--model " + kind + " takes no parameters, got '" + text + "'");
      return new ModelSpec(text, kind, new int[0], Activation.RELU);
    }
    Map<String, String> v = new LinkedHashMap<>(Map.of("hidden", "64x32", "activation", "relu"));
    for (Map.Entry<String, String> kv : s.params().entrySet()) {
      if (!v.containsKey(kv.getKey())) {
        throw new UsageException("--model mlp has no parameter '" + kv.getKey() + "'" + Suggest.hint(kv.getKey(), v.keySet())
            + "; its parameters are hidden (e.g. 64x32) and activation (relu, tanh, sigmoid)");
      }
      v.put(kv.getKey(), kv.getValue());
    }
    Params p = new Params("--model mlp", v);
    List<Integer> hidden = new ArrayList<>();
    for (String h : p.str("hidden").split("x")) {
      try {
        int n = Integer.parseInt(h.trim());
        if (n < 1) throw new NumberFormatException();
        hidden.add(n);
      } catch (NumberFormatException e) {
        throw new UsageException("--model mlp: hidden must be layer widths >= 1 joined by x, as in 64x32; got '"
            + p.str("hidden") + "'");
      }
    }
    return new ModelSpec(text, kind, hidden.stream().mapToInt(Integer::intValue).toArray(), Activation.parse(p.str("activation")));
  }

  /** The task an affine model implies, or null for mlp (the loss decides). */
  public Task impliedTask() {
    return switch (kind) {
      case "linear" -> Task.REGRESSION;
      case "logistic" -> Task.BINARY;
      case "softmax" -> Task.MULTICLASS;
      default -> null;
    };
  }

  /** The network for this many inputs and outputs. */
  public Network network(int inputs, int outputs) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = outputs;
    return new Network(sizes, activation);
  }

  @Override public String toString() {
    return kind.equals("mlp") ? "mlp:hidden=" + String.join("x", Arrays.stream(hidden).mapToObj(Integer::toString).toList())
        + ",activation=" + activation.id() : kind;
  }
}
