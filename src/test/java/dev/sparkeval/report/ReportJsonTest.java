package dev.sparkeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.json from the record: CONTRACT.md's keys in their order, snake case, absent blocks left out, null values kept. */
class ReportJsonTest {
  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) out.add(it.next());
    return out;
  }

  @Test
  void keysInContractOrderAndAbsentBlocksLeftOut() throws Exception {
    ReportDraft d = ReportModels.binary().metric("auc_pr", Double.NaN);
    d.metrics.put("auc_roc", null);
    d.slices = List.of(ReportDraft.slice("segment", "web", 10, Map.of("accuracy", 0.5), null));
    d.gates = List.of(new Report.Gate("accuracy>=0.7", 0.753, true, 0.7));
    d.bootstrap = new Report.BootstrapBlock(20, 42, 0.95);
    JsonNode n = new ObjectMapper().readTree(ReportJson.of(d.build()));
    assertEquals(List.of("schema", "command", "task", "input", "rows", "rows_used", "rows_skipped", "weight_sum", "losses",
        "metrics", "confusion_matrix", "per_class", "curves", "slices", "undefined", "seconds", "gates", "bootstrap"), keys(n));
    assertEquals(List.of("slice", "rows", "weight_sum", "losses", "metrics"), keys(n.get("slices").get(0)));
    assertEquals(List.of("precision", "recall", "f1", "support"), keys(n.get("per_class").get("0")));
    assertEquals(List.of("low", "high", "rows", "weight", "mean_score", "positive_rate"),
        keys(n.get("curves").get("calibration").get("table").get(0)));
    assertEquals(true, n.get("metrics").get("auc_roc").isNull(), "an undefined value is written as null");
    assertEquals(15043, n.get("per_class").get("1").get("support").asLong());
  }

  @Test
  void aPartBlockWithoutAComponentIsRefusedNotDropped() {
    assertThrows(IllegalStateException.class, () -> Report.blocks(Map.of("at_k", List.of())));
  }
}
