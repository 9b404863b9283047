package dev.sparkeval.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.MetricsCsv;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code sparkeval_report(report_json, file [, slice_metric])}: report.html, metrics.csv or
 * report.json rendered from a report by the command line's own writers, so a client that gets
 * report.json from sparkeval_evaluate (Python, over Spark Connect too) writes the same files.
 */
public final class ReportText {
  static final String NAME = "sparkeval_report";
  static final List<String> FILES = List.of("report.json", "report.html", "metrics.csv");
  /** Reads report.json back into the record the command line writes it from (snake-case keys). */
  private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private ReportText() {}

  static Expression call(Seq<Expression> args) {
    List<Expression> a = CollectionConverters.asJava(args);
    String usage = NAME + "(report_json, 'report.html' | 'metrics.csv' | 'report.json' [, slice_metric])";
    if (a.size() < 2 || a.size() > 3) throw new UsageException(NAME + " takes 2 or 3 arguments, got " + a.size() + ": " + usage);
    String file = EvaluationFunctions.constant(a.get(1), "the file name", usage);
    if (!FILES.contains(file)) throw new UsageException(NAME + ": the file is '" + file + "'; expected one of " + FILES);
    List<Expression> in = new ArrayList<>();
    for (Expression e : a) in.add(EvaluationFunctions.string(e));
    if (in.size() == 2) in.add(EvaluationFunctions.nullString());
    return EvaluationFunctions.invoke(ReportText.class, "render", in);
  }

  /** The file's text; null for a null report. */
  public static UTF8String render(UTF8String report, UTF8String file, UTF8String sliceMetric) {
    if (report == null) return null;
    Report model;
    try {
      JsonNode tree = JSON.readTree(report.toString());
      if (tree.has("error")) throw new UsageException(NAME + ": the evaluation failed: " + tree.get("error").asText());
      model = JSON.treeToValue(tree, Report.class);
    } catch (JsonProcessingException e) {
      throw new UsageException(NAME + ": the report is not report.json of an evaluation: " + e.getOriginalMessage());
    }
    String text = switch (file.toString()) {
      case "report.json" -> ReportJson.of(model);
      case "metrics.csv" -> MetricsCsv.of(model);
      default -> HtmlReport.html(model, null, new HtmlReport.Options(sliceMetric == null ? null : sliceMetric.toString()));
    };
    return UTF8String.fromString(text);
  }
}
