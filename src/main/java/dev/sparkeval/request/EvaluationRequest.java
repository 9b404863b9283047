package dev.sparkeval.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportJson;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.eval.SilhouetteJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * One whole evaluation asked for with the evaluate command's options: its settings and gates,
 * and its report.json text once the pass is done (the command line's keys, order and numbers;
 * {@code seconds} is null, the caller times its query). SQL's sparkeval_evaluate and Python's
 * Classic path ({@link #evaluate}) both build on it, so they report what the command line does.
 */
public final class EvaluationRequest {
  static final String NAME = "sparkeval_evaluate";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Lays a tree out as ReportJson lays out the record (same printer and number format). */
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final EvaluateOptions options;
  final Evaluation.Settings settings;
  final List<Gates.Gate> gates;

  private EvaluationRequest(EvaluateOptions options) {
    this.options = options;
    this.settings = options.settings();
    this.gates = Gates.parse(options.gates);
  }

  /** The options as a JSON array of arguments ({@code ["--task", "binary", ...]}) or as one command-line string. */
  static EvaluationRequest parse(String text) {
    return new EvaluationRequest(EvaluateOptions.parse(arguments(text), NAME));
  }

  static List<String> arguments(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("[")) {
      try {
        return JSON.readValue(t, new TypeReference<List<String>>() {});
      } catch (JsonProcessingException e) {
        throw new UsageException(NAME + ": the options are not a JSON array of strings: " + e.getOriginalMessage());
      }
    }
    // Command-line words; '...' or "..." keep spaces inside one word.
    List<String> out = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : t.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        if (word == null) word = new StringBuilder();
      } else if (Character.isWhitespace(c)) {
        if (word != null) out.add(word.toString());
        word = null;
      } else {
        if (word == null) word = new StringBuilder();
        word.append(c);
      }
    }
    if (quote != 0) throw new UsageException(NAME + ": the options end inside a quote (" + quote + "): " + text);
    if (word != null) out.add(word.toString());
    return out;
  }

  /** The aggregate's binding; what one aggregate cannot compute (a grouping first, a second pass) is refused here. */
  Evaluation.Prepared prepare(StructType schema) {
    if (settings.options().grouped()) {
      throw new UsageException(NAME + ": ranking's long layout (--query) groups the rows by query before they fold, which one"
          + " aggregate cannot do; give one row per query with arrays (collect_list of the ranked and of the relevant item ids,"
          + " MLlib's layout), or evaluate with the command line, Java or Python's via='engine'");
    }
    Evaluation.Prepared pr = Evaluation.prepare(schema, () -> false, settings);
    if (SilhouetteJob.needed(pr.plan().prototype())) {
      throw new UsageException(NAME + ": the silhouette needs a second pass over the rows (each point against every"
          + " cluster's sums), which one aggregate cannot make; evaluate clustering with the command line, Java or Python's"
          + " via='engine'");
    }
    return pr;
  }

  /** The report of a finished pass whose exact-AUC states were filled in memory, or {"error": ...}. */
  String report(Evaluation.Prepared prepared, Partial p) {
    try {
      Evaluation.check(p, settings);
      return report(Evaluation.finish(prepared, p, p.overall()));
    } catch (UsageException e) {
      return error(e.getMessage());
    }
  }

  /** report.json as the command line writes it, but for {@code seconds}: null, as only the caller can time its query. */
  String report(Evaluation.Result r) {
    Report report = options.report(r, options.input, Gates.check(gates, r.overall()), 0);
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(ReportJson.of(report));
      tree.putNull("seconds");
      return PRETTY.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Python's path on Classic sessions: the evaluation of {@code table} by the engine (exact AUC by
   * its sort job), reported as sparkeval_evaluate reports it; a usage error or bad input becomes
   * {"error": "one line"}, which Python raises as ValueError.
   */
  public static String evaluate(Dataset<Row> table, String options) {
    try {
      EvaluationRequest q = parse(options);
      return q.report(Evaluation.run(table, q.settings));
    } catch (RuntimeException e) {
      UsageException u = UsageException.causeOf(e);
      if (u == null) throw e;
      return error(u.getMessage());
    }
  }

  static String error(String message) {
    try {
      return JSON.writeValueAsString(Map.of("error", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
