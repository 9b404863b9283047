package dev.sparkeval.spark.sql;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.spark.eval.RowReader;
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
 * that folds rows exactly as {@code evaluate} does. The argument after the columns is the weight
 * when it is not a constant; constants are parameters, in the entry's order, or
 * {@code 'key=value,...'} strings. triplet takes (anchor, positive, negative) and
 * cosine_embedding (label, prediction, target) as their columns.
 * Besides the entry's parameters a string may set {@code task}, {@code logits},
 * {@code threshold}, {@code class_weights} (separated by ';') and {@code ignore_index} (rows of
 * that label left out, as evaluate's --ignore-index; for cross_entropy also its own parameter).
 */
final class SqlCall {
  static final List<String> OPTIONS = List.of("task", "logits", "threshold", "class_weights", "ignore_index");

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

  /**
   * The column arguments of a function, in order: the columns its catalogue entry reads (label and
   * prediction, or for example anchor, positive and negative for triplet).
   */
  static List<Role> columns(String name) {
    for (Entry e : Catalogs.standard().entries()) if (e.name().equals(name)) return e.columns();
    return Entry.LABEL_PREDICTION;
  }

  static String usage(String name) {
    return name + "(" + String.join(", ", columns(name).stream().map(Role::id).toList())
        + " [, weight] [, param values or 'key=value,...'])";
  }

  /** Resolves a call whose arguments are resolved; bad calls throw a UsageException naming the fault. */
  static SqlCall resolve(String name, List<Expression> args) {
    List<Role> cols = columns(name);
    int k = cols.size();
    if (args.size() < k) throw new UsageException(name + " needs at least " + k + " column arguments: " + usage(name));
    boolean weighted = args.size() > k && !args.get(k).foldable();
    List<String> positional = new ArrayList<>();
    Map<String, String> keyed = new LinkedHashMap<>();
    for (int i = weighted ? k + 1 : k; i < args.size(); i++) {
      Expression a = args.get(i);
      if (!a.foldable()) {
        throw new UsageException(name + ": argument " + (i + 1) + " (" + a.sql() + ") must be a constant parameter value;"
            + " only argument " + (k + 1) + " may be a column (the weight): " + usage(name));
      }
      Object v = a.eval(null);
      if (v == null) throw new UsageException(name + ": argument " + (i + 1) + " is NULL; expected a parameter value");
      String text = v instanceof Decimal d ? d.toJavaBigDecimal().toPlainString() : v.toString().trim();
      if (text.contains("=")) {
        Spec.parse(name + ":" + text).params().forEach((key, val) -> {
          if (keyed.put(key.toLowerCase(Locale.ROOT), val) != null) throw new UsageException(name + ": parameter '" + key + "' is given twice");
        });
      } else {
        positional.add(text);
      }
    }
    Map<Role, DataType> types = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) types.put(cols.get(i), args.get(i).dataType());
    if (weighted && Binding.kindOf(args.get(k).dataType(), Role.Shape.SCALAR) == null) {
      throw new UsageException(name + ": the weight " + args.get(k).sql() + " has type " + args.get(k).dataType().simpleString()
          + "; expected " + Binding.expected(Role.Shape.SCALAR));
    }
    Task task = task(name, keyed.containsKey("task") && !hasParam(name, "task") ? keyed.remove("task") : null, types);
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
    // cross_entropy's own ignore_index leaves those rows out of the loss: the call leaves them out as rows, not bad rows
    if (params.containsKey("ignore_index")) opts.put("ignore_index", params.get("ignore_index"));
    StringBuilder spec = new StringBuilder(name);
    String sep = ":";
    for (Map.Entry<String, String> kv : params.entrySet()) {
      spec.append(sep).append(kv.getKey()).append('=').append(kv.getValue());
      sep = ",";
    }
    EvalOptions options = new EvalOptions(task, SqlOptions.bool(name, opts.get("logits")),
        SqlOptions.threshold(name, opts.get("threshold")), SqlOptions.weights(name, opts.get("class_weights")), weighted,
        SqlOptions.ignoreIndex(name, opts.get("ignore_index"), task));
    Tasks.validate(options);
    Plan plan = Plan.build(Catalogs.standard(), options, List.of(), List.of(spec.toString()), List.of(), Tasks.rule(options));
    SqlCall call = new SqlCall(spec.toString(), options, plan);
    types.forEach((role, type) -> call.add(role, type, Tasks.shapes(task)));
    if (weighted) call.add(Role.WEIGHT, args.get(k).dataType(), Tasks.shapes(task));
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
  static Task task(String name, String explicit, Map<Role, DataType> types) {
    Set<Task> tasks = EnumSet.noneOf(Task.class);
    for (Entry e : Catalogs.standard().entries()) if (e.name().equals(name)) tasks.addAll(e.tasks());
    if (tasks.isEmpty()) throw new UsageException("unknown loss or metric '" + name + "'");
    if (explicit != null) {
      Task t = Task.parse(explicit);
      if (!tasks.contains(t)) throw new UsageException("'" + name + "' does not apply to task " + t.id() + "; it is for " + ids(tasks));
      if (!fits(t, types)) throw new UsageException(name + " for task " + t.id() + ": " + misfit(t, types));
      return t;
    }
    List<Task> fitting = new ArrayList<>();
    for (Task t : tasks) if (fits(t, types)) fitting.add(t);
    if (fitting.isEmpty()) {
      Task first = tasks.iterator().next();
      throw new UsageException(name + ": the arguments fit none of its tasks (" + ids(tasks) + "); for " + first.id() + ", "
          + misfit(first, types));
    }
    DataType label = types.get(Role.LABEL);
    DataType prediction = types.get(Role.PREDICTION);
    boolean scalarLabel = label != null && Binding.kindOf(label, Role.Shape.SCALAR) != null;
    boolean vectorPrediction = prediction != null && Binding.kindOf(prediction, Role.Shape.VECTOR) != null;
    if (scalarLabel && vectorPrediction && fitting.contains(Task.MULTICLASS)) return Task.MULTICLASS;
    return fitting.get(0);
  }

  private static Role.Shape shape(Task t, Role r) {
    return Tasks.shapes(t).getOrDefault(r, Role.Shape.SCALAR); // as Binding reads it for evaluate
  }

  private static boolean fits(Task t, Map<Role, DataType> types) {
    for (Map.Entry<Role, DataType> e : types.entrySet()) if (Binding.kindOf(e.getValue(), shape(t, e.getKey())) == null) return false;
    return true;
  }

  private static String misfit(Task t, Map<Role, DataType> types) {
    for (Map.Entry<Role, DataType> e : types.entrySet()) {
      if (Binding.kindOf(e.getValue(), shape(t, e.getKey())) == null) {
        return "the " + e.getKey().id() + " has type " + e.getValue().simpleString() + "; expected " + Binding.expected(shape(t, e.getKey()));
      }
    }
    return "the arguments fit";
  }

  private static String ids(Set<Task> tasks) {
    return String.join(", ", tasks.stream().map(Task::id).toList());
  }

  private static Entry entry(String name, Task task) {
    Entry e = Catalogs.standard().entry(name, task);
    if (e == null) throw new IllegalStateException(name + " / " + task);
    return e;
  }

  private static boolean hasParam(String name, String param) {
    for (Entry e : Catalogs.standard().entries()) {
      if (e.name().equals(name) && e.params().stream().anyMatch(p -> p.name().equals(param))) return true;
    }
    return false;
  }
}
