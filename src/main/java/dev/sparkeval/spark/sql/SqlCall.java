package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.metric.Catalogs;
import dev.sparkeval.metric.Tasks;
import dev.sparkeval.spark.Binding;
import dev.sparkeval.spark.RowReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;

/**
 * One SQL call {@code NAME(label, prediction [, weight] [, params...])} resolved against the
 * types of its arguments: the task, the spec in the evaluate command's spelling, and the plan
 * that folds rows exactly as {@code evaluate} does. Argument 3 is the weight when it is not a
 * constant; constants are parameters, in the entry's order, or {@code 'key=value,...'} strings.
 * Besides the entry's parameters a string may set {@code task}, {@code logits},
 * {@code threshold} and {@code class_weights} (separated by ';').
 */
final class SqlCall {
  static final List<String> OPTIONS = List.of("task", "logits", "threshold", "class_weights");

  final String spec;
  final EvalOptions options;
  final Plan plan;
  final List<Role> roles = new ArrayList<>();
  final List<RowReader.Kind> kinds = new ArrayList<>();

  private SqlCall(String spec, EvalOptions options, Plan plan) {
    this.spec = spec;
    this.options = options;
    this.plan = plan;
  }

  static String usage(String name) {
    return name + "(label, prediction [, weight] [, param values or 'key=value,...'])";
  }

  /** Resolves a call whose arguments are resolved; bad calls throw a UsageException naming the fault. */
  static SqlCall resolve(String name, List<Expression> args) {
    if (args.size() < 2) throw new UsageException(name + " needs at least a label and a prediction: " + usage(name));
    boolean weighted = args.size() > 2 && !args.get(2).foldable();
    List<String> positional = new ArrayList<>();
    Map<String, String> keyed = new LinkedHashMap<>();
    for (int i = weighted ? 3 : 2; i < args.size(); i++) {
      Expression a = args.get(i);
      if (!a.foldable()) {
        throw new UsageException(name + ": argument " + (i + 1) + " (" + a.sql() + ") must be a constant parameter value;"
            + " only argument 3 may be a column (the weight): " + usage(name));
      }
      Object v = a.eval(null);
      if (v == null) throw new UsageException(name + ": argument " + (i + 1) + " is NULL; expected a parameter value");
      String text = v instanceof Decimal d ? d.toJavaBigDecimal().toPlainString() : v.toString().trim();
      if (text.contains("=")) {
        Spec.parse(name + ":" + text).params().forEach((k, val) -> {
          if (keyed.put(k.toLowerCase(Locale.ROOT), val) != null) throw new UsageException(name + ": parameter '" + k + "' is given twice");
        });
      } else {
        positional.add(text);
      }
    }
    DataType label = args.get(0).dataType();
    DataType prediction = args.get(1).dataType();
    if (weighted && Binding.kindOf(args.get(2).dataType(), Role.Shape.SCALAR) == null) {
      throw new UsageException(name + ": the weight " + args.get(2).sql() + " has type " + args.get(2).dataType().simpleString()
          + "; expected " + Binding.expected(Role.Shape.SCALAR));
    }
    Task task = task(name, keyed.containsKey("task") && !hasParam(name, "task") ? keyed.remove("task") : null, label, prediction);
    Entry entry = entry(name, task);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < positional.size(); i++) {
      if (i >= entry.params().size()) {
        throw new UsageException(name + " takes " + entry.params().size() + " parameter value(s)"
            + (entry.params().isEmpty() ? "" : " (" + String.join(", ", entry.params().stream().map(p -> p.name()).toList()) + ")")
            + " for task " + task.id() + ", got " + positional.size() + ": " + positional);
      }
      params.put(entry.params().get(i).name(), positional.get(i));
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (Map.Entry<String, String> kv : keyed.entrySet()) {
      boolean option = OPTIONS.contains(kv.getKey()) && !hasParam(name, kv.getKey());
      Map<String, String> into = option ? opts : params;
      if (into.put(kv.getKey(), kv.getValue()) != null) throw new UsageException(name + ": parameter '" + kv.getKey() + "' is given twice");
    }
    StringBuilder spec = new StringBuilder(name);
    String sep = ":";
    for (Map.Entry<String, String> kv : params.entrySet()) {
      spec.append(sep).append(kv.getKey()).append('=').append(kv.getValue());
      sep = ",";
    }
    EvalOptions options = new EvalOptions(task, bool(name, opts.get("logits")), threshold(name, opts.get("threshold")),
        weights(name, opts.get("class_weights")), weighted);
    Tasks.validate(options);
    Plan plan = Plan.build(Catalogs.standard(), options, List.of(), List.of(spec.toString()), List.of(), Tasks.rule(options));
    SqlCall call = new SqlCall(spec.toString(), options, plan);
    call.add(Role.LABEL, label, Tasks.shapes(task));
    call.add(Role.PREDICTION, prediction, Tasks.shapes(task));
    if (weighted) call.add(Role.WEIGHT, args.get(2).dataType(), Tasks.shapes(task));
    return call;
  }

  private void add(Role role, DataType type, Map<Role, Role.Shape> shapes) {
    roles.add(role);
    kinds.add(Binding.kindOf(type, shapes.getOrDefault(role, Role.Shape.SCALAR)));
  }

  /** The measure's finished value for one state set (the plan holds this one measure). */
  Catalog.Resolved measure() {
    return plan.metrics().get(0);
  }

  /**
   * The task: the one named by 'task=', else the first of the entry's tasks whose column shapes fit
   * the argument types, in Task order, except that a scalar label with a vector prediction
   * prefers multiclass (a binary 2-vector evaluates the same way there).
   */
  static Task task(String name, String explicit, DataType label, DataType prediction) {
    Set<Task> tasks = EnumSet.noneOf(Task.class);
    for (Entry e : Catalogs.standard().entries()) if (e.name().equals(name)) tasks.addAll(e.tasks());
    if (tasks.isEmpty()) throw new UsageException("unknown loss or metric '" + name + "'");
    if (explicit != null) {
      Task t = Task.parse(explicit);
      if (!tasks.contains(t)) throw new UsageException("'" + name + "' does not apply to task " + t.id() + "; it is for " + ids(tasks));
      if (!fits(t, label, prediction)) {
        throw new UsageException(name + " for task " + t.id() + ": " + shapes(label, prediction) + " do not fit; expected label "
            + Binding.expected(Tasks.shapes(t).get(Role.LABEL)) + " and prediction " + Binding.expected(Tasks.shapes(t).get(Role.PREDICTION)));
      }
      return t;
    }
    List<Task> fitting = new ArrayList<>();
    for (Task t : tasks) if (fits(t, label, prediction)) fitting.add(t);
    if (fitting.isEmpty()) {
      throw new UsageException(name + ": " + shapes(label, prediction) + " fit none of its tasks (" + ids(tasks)
          + "); regression takes a number label and a number prediction");
    }
    boolean scalarLabel = Binding.kindOf(label, Role.Shape.SCALAR) != null;
    boolean vectorPrediction = Binding.kindOf(prediction, Role.Shape.VECTOR) != null;
    if (scalarLabel && vectorPrediction && fitting.contains(Task.MULTICLASS)) return Task.MULTICLASS;
    return fitting.get(0);
  }

  private static boolean fits(Task t, DataType label, DataType prediction) {
    Map<Role, Role.Shape> s = Tasks.shapes(t);
    return Binding.kindOf(label, s.getOrDefault(Role.LABEL, Role.Shape.SCALAR)) != null
        && Binding.kindOf(prediction, s.getOrDefault(Role.PREDICTION, Role.Shape.SCALAR)) != null;
  }

  private static String shapes(DataType label, DataType prediction) {
    return "a label of type " + label.simpleString() + " and a prediction of type " + prediction.simpleString();
  }

  private static String ids(Set<Task> tasks) {
    return String.join(", ", tasks.stream().map(Task::id).toList());
  }

  private static Entry entry(String name, Task task) {
    for (Entry e : Catalogs.standard().entries()) if (e.name().equals(name) && e.tasks().contains(task)) return e;
    throw new IllegalStateException(name + " / " + task);
  }

  private static boolean hasParam(String name, String param) {
    for (Entry e : Catalogs.standard().entries()) {
      if (e.name().equals(name) && e.params().stream().anyMatch(p -> p.name().equals(param))) return true;
    }
    return false;
  }

  private static boolean bool(String name, String v) {
    if (v == null) return false;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new UsageException(name + ": logits must be true or false, got '" + v + "'");
  }

  private static double threshold(String name, String v) {
    if (v == null) return 0.5;
    double t;
    try {
      t = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + ": threshold must be a number, got '" + v + "'");
    }
    if (!(t > 0 && t < 1)) throw new UsageException(name + ": threshold must be strictly between 0 and 1, got " + v);
    return t;
  }

  private static double[] weights(String name, String v) {
    if (v == null) return null;
    String[] parts = v.split("[;\\s]+");
    double[] w = new double[parts.length];
    for (int i = 0; i < w.length; i++) {
      try {
        w[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new UsageException(name + ": class_weights must read W0;W1;..., as in 'class_weights=1;2.5', got '" + v + "'");
      }
      if (!Double.isFinite(w[i]) || w[i] < 0) throw new UsageException(name + ": class weight " + i + " is " + parts[i] + "; class weights must be finite and >= 0");
    }
    return w;
  }
}
