package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
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
 * types of its arguments: the task, the spec in the evaluate command's spelling and the evaluate
 * options. The argument after the columns is the weight when it is not a constant; constants are
 * parameters, in the entry's order, or {@code 'key=value,...'} strings. triplet takes (anchor,
 * positive, negative) and cosine_embedding (label, prediction, target) as their columns.
 * Besides the entry's parameters a string may set {@code task}, {@code logits},
 * {@code threshold}, {@code class_weights} (separated by ';'), {@code bad_rows} and {@code ignore_index}
 * (rows of that label left out, as evaluate's --ignore-index; for cross_entropy also its own parameter).
 *
 * <p>A number label with a vector prediction is binary when the vectors have 2 elements (Spark
 * ML's probability and rawPrediction) and multiclass otherwise; the vectors' length is only known
 * from the rows, so such a call keeps both as {@link Candidate}s and the state picks one at its
 * first row.
 */
final class SqlCall {
  static final List<String> OPTIONS = List.of("task", "logits", "threshold", "class_weights", "bad_rows", "ignore_index");
  /** The bad-row counts of a call's columns and options, by reason (the report's rows_skipped). */
  static final String ROWS_SKIPPED = "rows_skipped";

  /** The call read for one task: its options and its spec (null for rows_skipped, which has no measure). */
  record Candidate(EvalOptions options, String spec) {}

  final String name;
  final List<Candidate> candidates;
  final boolean skip;
  final List<Role> roles = new ArrayList<>();
  final List<RowReader.Kind> kinds = new ArrayList<>();

  private SqlCall(String name, List<Candidate> candidates, boolean skip) {
    this.name = name;
    this.candidates = candidates;
    this.skip = skip;
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
    List<Task> tasks = tasks(name, keyed.containsKey("task") && !hasParam(name, "task") ? keyed.remove("task") : null, types);
    boolean skip = SqlOptions.badRows(name, keyed.containsKey("bad_rows") && !hasParam(name, "bad_rows") ? keyed.remove("bad_rows") : null);
    List<Candidate> candidates = new ArrayList<>();
    UsageException failure = null;
    for (Task task : tasks) {
      try {
        candidates.add(candidate(name, task, positional, keyed, weighted));
      } catch (UsageException e) {
        failure = e;
      }
    }
    if (candidates.isEmpty()) throw failure;
    SqlCall call = new SqlCall(name, List.copyOf(candidates), skip);
    Map<Role, Role.Shape> shapes = Tasks.shapes(candidates.get(0).options().task());
    types.forEach((role, type) -> call.add(role, type, shapes));
    if (weighted) call.add(Role.WEIGHT, args.get(k).dataType(), shapes);
    return call;
  }

  /** The call read for one task: positional parameters named by the entry, options split from parameters, the measure checked. */
  private static Candidate candidate(String name, Task task, List<String> positional, Map<String, String> keyed, boolean weighted) {
    List<String> entryParams = name.equals(ROWS_SKIPPED) ? List.of() : entry(name, task).params().stream().map(p -> p.name()).toList();
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < positional.size(); i++) {
      if (i >= entryParams.size()) {
        throw new UsageException(name + " takes " + entryParams.size() + " parameter value(s)"
            + (entryParams.isEmpty() ? "" : " (" + String.join(", ", entryParams) + ")")
            + " for task " + task.id() + ", got " + positional.size() + ": " + positional);
      }
      params.put(entryParams.get(i), positional.get(i));
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (Map.Entry<String, String> kv : keyed.entrySet()) {
      boolean option = OPTIONS.contains(kv.getKey()) && !hasParam(name, kv.getKey());
      Map<String, String> into = option ? opts : params;
      if (into.put(kv.getKey(), kv.getValue()) != null) throw new UsageException(name + ": parameter '" + kv.getKey() + "' is given twice");
    }
    // cross_entropy's own ignore_index leaves those rows out of the loss: the call leaves them out as rows, not bad rows
    if (params.containsKey("ignore_index")) opts.put("ignore_index", params.get("ignore_index"));
    EvalOptions options = new EvalOptions(task, SqlOptions.bool(name, opts.get("logits")),
        SqlOptions.threshold(name, opts.get("threshold")), SqlOptions.weights(name, opts.get("class_weights")), weighted, false,
        false, SqlOptions.ignoreIndex(name, opts.get("ignore_index"), task));
    SqlOptions.checked(name, () -> {
      Tasks.validate(options);
      return options;
    });
    if (name.equals(ROWS_SKIPPED)) {
      if (!params.isEmpty()) throw new UsageException(ROWS_SKIPPED + " takes no parameters, only options " + OPTIONS + "; got " + params.keySet());
      return new Candidate(options, null);
    }
    StringBuilder spec = new StringBuilder(name);
    String sep = ":";
    for (Map.Entry<String, String> kv : params.entrySet()) {
      spec.append(sep).append(kv.getKey()).append('=').append(kv.getValue());
      sep = ",";
    }
    Catalogs.standard().resolve(spec.toString(), options); // checks the parameters now, at analysis
    return new Candidate(options, spec.toString());
  }

  private void add(Role role, DataType type, Map<Role, Role.Shape> shapes) {
    roles.add(role);
    kinds.add(Binding.kindOf(type, shapes.getOrDefault(role, Role.Shape.SCALAR)));
  }

  /**
   * The tasks to try, in order: the one named by 'task=', else the first of the entry's tasks whose
   * column shapes fit the argument types (in Task order). A number label with a vector prediction
   * that fits both binary and multiclass keeps both: the vectors' length decides per state.
   */
  static List<Task> tasks(String name, String explicit, Map<Role, DataType> types) {
    Set<Task> tasks = EnumSet.noneOf(Task.class);
    if (name.equals(ROWS_SKIPPED)) tasks.addAll(EnumSet.allOf(Task.class));
    for (Entry e : Catalogs.standard().entries()) if (e.name().equals(name)) tasks.addAll(e.tasks());
    if (tasks.isEmpty()) throw new UsageException("unknown loss or metric '" + name + "'");
    if (explicit != null) {
      Task t = Task.parse(explicit);
      if (!tasks.contains(t)) throw new UsageException("'" + name + "' does not apply to task " + t.id() + "; it is for " + ids(tasks));
      if (!fits(t, types)) throw new UsageException(name + " for task " + t.id() + ": " + misfit(t, types));
      return List.of(t);
    }
    List<Task> fitting = new ArrayList<>();
    for (Task t : tasks) if (fits(t, types)) fitting.add(t);
    if (fitting.isEmpty()) {
      Task first = tasks.iterator().next();
      throw new UsageException(name + ": the arguments fit none of its tasks (" + ids(tasks) + "); for " + first.id() + ", "
          + misfit(first, types));
    }
    DataType prediction = types.get(Role.PREDICTION);
    boolean vectorPrediction = prediction != null && Binding.kindOf(prediction, Role.Shape.VECTOR) != null;
    if (vectorPrediction && fitting.contains(Task.BINARY) && fitting.contains(Task.MULTICLASS)) {
      return List.of(Task.BINARY, Task.MULTICLASS);
    }
    return List.of(fitting.get(0));
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
