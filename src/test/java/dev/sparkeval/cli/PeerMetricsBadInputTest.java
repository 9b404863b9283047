package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs of the peers' metrics: rows outside a measure's domain are bad rows named with the
 * measure and the domain (and counted by reason with --bad-rows skip), and options that do not
 * combine are usage errors. Exit 2, one line, nothing written.
 */
class PeerMetricsBadInputTest {
  @TempDir static Path dir;
  static String regression, binary;

  @BeforeAll
  static void files() throws Exception {
    regression = BadInput.write(dir, "reg.csv", "label,prediction\n1.0,1.5\n-2.0,2.5\n0.0,2.0\n3.0,-0.5\n4.0,3.0\n");
    binary = BadInput.write(dir, "bin.csv", "label,probability\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n");
  }

  static void bad(List<String> fragments, String... args) {
    BadInput.expect(dir, fragments, List.of(args));
  }

  @Test
  void valuesOutsideAMeasuresDomainAreBadRows() {
    bad(List.of("bad row at partition 0, row 1", "label is -2.0; msle needs labels > -1", "log1p", "--bad-rows skip"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "msle");
    bad(List.of("row 1", "label is -2.0; gamma_deviance needs labels > 0", "power 2, as sklearn's mean_tweedie_deviance"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "mae", "--metric", "gamma_deviance");
    bad(List.of("row 1", "label is -2.0; poisson_deviance needs labels >= 0"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "poisson_deviance");
    bad(List.of("row 3", "prediction is -0.5; tweedie needs predictions > 0"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "tweedie:power=-1");
    bad(List.of("row 3", "prediction is -0.5; poisson_nll needs predictions >= 0"),
        "evaluate", "--input", regression, "--task", "regression", "--loss", "poisson_nll:log_input=false");
  }

  @Test
  void skippedDomainRowsAreCountedByReason() throws Exception {
    Path out = dir.resolve("skip");
    Cli.Run run = Cli.run("evaluate", "--input", regression, "--task", "regression", "--metric", "gamma_deviance",
        "--metric", "msle", "--bad-rows", "skip", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(2, r.get("rows_used").asLong());
    assertEquals(2, r.get("rows_skipped").get("label_not_positive").asLong());
    assertEquals(1, r.get("rows_skipped").get("prediction_not_positive").asLong());
  }

  @Test
  void optionsThatDoNotCombine() {
    bad(List.of("tweedie: power must be <= 0 or >= 1", "got 0.5"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "tweedie:power=0.5");
    bad(List.of("nrmse: normalization must be one of [mean, range, std, l2]"),
        "evaluate", "--input", regression, "--task", "regression", "--metric", "nrmse:normalization=iqr");
    bad(List.of("auc_roc: max_fpr needs the exact curve (bins=0), not bins=32"),
        "evaluate", "--input", binary, "--task", "binary", "--metric", "auc_roc:max_fpr=0.1,bins=32");
    bad(List.of("auc_roc: max_fpr must be in (0, 1]"),
        "evaluate", "--input", binary, "--task", "binary", "--metric", "auc_roc:max_fpr=0");
    bad(List.of("auc_pr: method=trapezoid needs the exact curve (bins=0)"),
        "evaluate", "--input", binary, "--task", "binary", "--metric", "auc_pr:method=trapezoid,bins=10");
    bad(List.of("ece: norm must be one of [l1, l2, max]", "got 'l3'"),
        "evaluate", "--input", binary, "--task", "binary", "--metric", "ece:norm=l3");
    bad(List.of("bce: label_smoothing must be in [0, 1]"),
        "evaluate", "--input", binary, "--task", "binary", "--loss", "bce:label_smoothing=1.5");
  }
}
