package dev.sparkeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.part.ConfusionParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html from synthetic report models: what each block renders, and that nothing reaches outside the file. */
class HtmlReportTest {
  static int count(String html, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(html);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  static List<String> names(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static void selfContained(String html) {
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("<img"), "no images");
    assertFalse(html.contains("<link"), "no external style sheets");
    assertFalse(html.contains("http://") && !html.contains("http://www.w3.org"), "no addresses but XML namespaces");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing loaded from the network");
  }

  @Test
  void regressionShowsHeadlineAndBothResidualCharts() {
    String html = HtmlReport.html(ReportModels.regression().build(), null, null);
    selfContained(html);
    assertEquals(2, count(html, "<svg"), html);
    assertTrue(html.contains("Residuals") && html.contains("Predicted vs actual"));
    assertTrue(html.contains("0.98") && html.contains("0.89"));
    assertFalse(html.contains("Confusion matrix"));
  }

  @Test
  void binaryShowsCurvesCalibrationHistogramConfusionAndPerClass() {
    String html = HtmlReport.html(ReportModels.binary().build(), null, null);
    selfContained(html);
    assertEquals(4, count(html, "<svg"), html);
    assertTrue(html.contains("ROC curve — AUC 0.83 (exact"), html);
    assertTrue(html.contains("average precision 0.81"));
    assertTrue(html.contains("Calibration — ECE"));
    assertTrue(html.contains("11,268") && html.contains("75.3%"), "counts and row shares");
    assertTrue(html.contains("Per class") && html.contains("15,043"));
  }

  @Test
  void multiclassConfusionHasOneRowPerClassInBothTables() {
    String html = HtmlReport.html(ReportModels.multiclass().build(), null, null);
    assertEquals(2 * 9, count(html, "class=\"cell"), "3x3 cells, counts and normalised");
    assertTrue(html.contains("80.0%"), "row 1: 40 of 50");
  }

  @Test
  void trainingShowsLossCurvesBestEpochDiagnosisAndWrongWayEpochs() {
    String html = HtmlReport.html(ReportModels.training().build(), ReportModels.history(), null);
    selfContained(html);
    assertEquals(2, count(html, "<svg"));
    assertTrue(html.contains("overfitting from epoch 5"));
    assertTrue(html.contains("best epoch 4"), "marker in the loss chart");
    assertTrue(html.contains("Epoch 3: validation loss rose (0.56 → 0.58) while val_accuracy also rose"), html);
    assertTrue(html.contains("Epoch 6: validation loss fell (0.46 → 0.44) while val_accuracy also fell"), html);
    assertEquals(4, count(html, "class=\"note\""), "epochs 3, 5, 6 and 7");
  }

  @Test
  void writesJsonHtmlAndCsvTogether(@TempDir Path dir) throws Exception {
    ReportWriter.write(dir, ReportModels.regression().build(), null, null, Map.of());
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"residuals\""));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"));
    assertEquals(List.of("slice,name,value,low,high", ",mse,0.98,,", ",r2,0.89,,"),
        Files.readAllLines(dir.resolve("metrics.csv")));
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count(), "no temporary files left");
    }
  }

  /** Writes the sample reports under target/report-samples for people (and the browser test) to look at. */
  @Test
  void samples() throws Exception {
    Path dir = Path.of("target", "report-samples");
    ReportWriter.write(dir.resolve("regression"), ReportModels.regression().build(), null, null, Map.of());
    ReportWriter.write(dir.resolve("binary"), ReportModels.binary().build(), null, null, Map.of());
    ReportWriter.write(dir.resolve("multiclass"), ReportModels.multiclass().build(), null, null, Map.of());
    ReportWriter.write(dir.resolve("training"), ReportModels.training().build(), ReportModels.history(), null, Map.of());
    assertTrue(Files.size(dir.resolve("binary/report.html")) > 10_000);
  }

  @Test
  void textInsideChartsIsEscapedToo() {
    List<Map<String, Object>> h = new java.util.ArrayList<>();
    for (Map<String, Object> row : ReportModels.history()) {
      Map<String, Object> r = new java.util.LinkedHashMap<>(row);
      r.put("<script>alert(1)</script>", 0.5); // a metric spec as a legend entry
      h.add(r);
    }
    String html = HtmlReport.html(ReportModels.training("<b onmouseover=alert(1)>fit</b>").build(), h, null);
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<b onmouseover"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "legend text, escaped by JFreeSVG");
    assertTrue(html.contains("&lt;b onmouseover=alert(1)&gt;fit&lt;/b&gt;"));
  }

  @Test
  void aBlockOfAnotherShapeIsSkippedNotFatal() {
    ReportDraft m = ReportModels.multiclass();
    m.confusionMatrix = new ConfusionParts.Matrix(List.of(0, 1), List.of(List.of(List.of(1, 2), List.of(3, 4))));
    String html = HtmlReport.html(m.build(), null, null);
    assertFalse(html.contains("Confusion matrix"));
    assertTrue(html.contains("cross_entropy"));
  }

  @Test
  void betterWordingAndSliceOrderComeFromTheCatalogueEntry() {
    ReportDraft m = new ReportDraft("evaluate", "regression", "x").metric("mean_error", 0.1);
    m.slices = List.of(ReportDraft.slice("s", "low", 10, Map.of("mean_error", -3.0), null),
        ReportDraft.slice("s", "near", 10, Map.of("mean_error", 0.5), null),
        ReportDraft.slice("s", "high", 10, Map.of("mean_error", 2.0), null));
    String html = HtmlReport.html(m.build(), null, null);
    assertTrue(html.contains("worst first (closer to 0 is better)"), html);
    assertTrue(html.indexOf("s = low") < html.indexOf("s = high") && html.indexOf("s = high") < html.indexOf("s = near"),
        "mean_error: farthest from 0 first");
    m = new ReportDraft("evaluate", "regression", "x").metric("r2", 0.5);
    m.slices = List.of(ReportDraft.slice("s", "good", 10, Map.of("r2", 0.9), null),
        ReportDraft.slice("s", "bad", 10, Map.of("r2", 0.1), null));
    html = HtmlReport.html(m.build(), null, null);
    assertTrue(html.contains("worst first (higher is better)") && html.contains("higher is better</div>"), html);
    assertTrue(html.indexOf("s = bad") < html.indexOf("s = good"), "r2: lowest first");
  }

  @Test
  void slicesAreSortedWorstFirstAndFlaggedOnlyWhenTheIntervalExcludesOverall() {
    ReportDraft m = new ReportDraft("evaluate", "binary", "x").metric("accuracy", 0.80);
    m.slices = List.of(ReportDraft.slice("s", "a", 100, Map.of("accuracy", 0.85), null),
        ReportDraft.slice("s", "b", 100, Map.of("accuracy", 0.60), Map.of("accuracy", List.of(0.50, 0.70))),
        ReportDraft.slice("s", "c", 100, Map.of("accuracy", 0.55), Map.of("accuracy", List.of(0.30, 0.81))));
    String html = HtmlReport.html(m.build(), null, null);
    int a = html.indexOf("s = a");
    int b = html.indexOf("s = b");
    int c = html.indexOf("s = c");
    assertTrue(c < b && b < a, "worst first");
    assertEquals(1, count(html, "<tr class=\"worse\">"), "c is worse but its interval holds the overall value");
    assertTrue(html.contains("<tr class=\"worse\"><td class=\"name\" title=\"s = b\">s = b"));
  }

  @Test
  void absentBlocksAreLeftOut() {
    String html = HtmlReport.html(new ReportDraft("evaluate", "embedding", "x").loss("cosine", 0.1).build(), null, null);
    assertEquals(0, count(html, "<svg"));
    assertTrue(html.contains("cosine"));
  }

  @Test
  void aReportThatFailsToRenderLeavesThePreviousOneIntact(@TempDir Path dir) throws Exception {
    ReportWriter.write(dir, ReportModels.regression().build(), null, null, Map.of());
    String json = Files.readString(dir.resolve("report.json"));
    String html = Files.readString(dir.resolve("report.html"));
    ReportDraft broken = ReportModels.multiclass();
    broken.perClass = Map.of("0", new ConfusionParts.ClassFigures(1, 1, 1, new Object())); // not serialisable
    assertThrows(RuntimeException.class, () -> ReportWriter.write(dir, broken.build(), null));
    assertEquals(json, Files.readString(dir.resolve("report.json")));
    assertEquals(html, Files.readString(dir.resolve("report.html")));
    assertEquals(List.of("metrics.csv", "report.html", "report.json"), names(dir));
  }
}
