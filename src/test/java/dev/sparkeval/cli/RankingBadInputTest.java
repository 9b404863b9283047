package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the ranking and clustering tasks: exit 2, one line naming the query or row, the value and what is right. */
class RankingBadInputTest {
  @TempDir static Path dir;

  static void bad(List<String> fragments, String... args) {
    BadInput.expect(dir, fragments, List.of(args));
  }

  static String json(String name, String... lines) throws Exception {
    return BadInput.lines(dir, name, lines);
  }

  static String[] args(String input, String task, String... more) {
    return BadInput.evaluate(input, task, more);
  }

  static String item(String q, double score, double grade, String seg, double w) {
    return "{\"q\": " + (q == null ? "null" : "\"" + q + "\"") + ", \"score\": " + score + ", \"grade\": " + grade
        + ", \"seg\": \"" + seg + "\", \"w\": " + w + "}";
  }

  static String[] longArgs(String input, String... more) {
    List<String> a = new ArrayList<>(List.of("--query", "q", "--prediction", "score", "--label", "grade"));
    a.addAll(List.of(more));
    return args(input, "ranking", a.toArray(new String[0]));
  }

  @Test
  void longLayoutRowsAndQueries() throws Exception {
    String neg = json("neg.json", item("a", 0.9, 1, "x", 1), item("a", 0.5, 0, "x", 1), item("b", 0.4, -1, "x", 1),
        item("b", 0.3, 2, "x", 1), item("b", 0.2, 0, "x", 1));
    bad(List.of("bad row at query 'b'", "label (the relevance grade) is -1.0", "grades must be >= 0", "--bad-rows skip"),
        longArgs(neg));
    Path out = dir.resolve("skip");
    Cli.Run run = Cli.run(longArgs(neg, "--bad-rows", "skip", "--metric", "map", "--out", out.toString()));
    assertEquals(0, run.code(), run.err());
    String report = Files.readString(out.resolve("report.json"));
    assertTrue(report.contains("\"negative_grade\" : 1") && report.contains("\"query_has_bad_row\" : 2")
        && report.contains("\"queries\" : 1"), report);

    String nul = json("null.json", item("a", 0.9, 1, "x", 1), item(null, 0.5, 0, "x", 1));
    bad(List.of("a row without a query", "query is null"), longArgs(nul));
    String slice = json("slice.json", item("a", 0.9, 1, "x", 1), item("a", 0.5, 0, "y", 1));
    bad(List.of("query 'a'", "slice values [x] and [y]", "a slice column must be constant within a query"),
        longArgs(slice, "--slice", "seg"));
    String weight = json("weight.json", item("a", 0.9, 1, "x", 1), item("a", 0.5, 0, "x", 2));
    bad(List.of("query 'a'", "weights 1.0 and 2.0", "per-query weight"), longArgs(weight, "--weight", "w"));
    String nan = json("nan.json", item("a", 0.9, 1, "x", 1), "{\"q\": \"a\", \"score\": null, \"grade\": 1}");
    bad(List.of("query 'a'", "prediction is null"), longArgs(nan));
  }

  @Test
  void layoutsAndOptions() throws Exception {
    String scalars = json("scalars.json", item("a", 0.9, 1, "x", 1));
    bad(List.of("without --query each row is one query", "array of the ranked item ids", "give --query COL"),
        args(scalars, "ranking", "--prediction", "score", "--label", "grade"));
    String arrays = json("arrays.json", "{\"q\": 1, \"prediction\": [3, 1, 2], \"label\": [1]}");
    bad(List.of("with --query each row is one item", "both numbers"), args(arrays, "ranking", "--query", "q"));
    bad(List.of("'auc_roc' ranks every item of a query by its score", "--query COL"), args(arrays, "ranking", "--metric", "auc_roc"));
    bad(List.of("--query is given but no requested loss or metric reads it", "--task ranking groups rows by it"),
        args(scalars, "regression", "--query", "q", "--prediction", "score", "--label", "grade"));
    bad(List.of("--logits does not apply to task ranking"), args(arrays, "ranking", "--logits"));
    bad(List.of("ndcg: k must be between 1 and 100000, got 0"), args(arrays, "ranking", "--metric", "ndcg:k=0"));
    bad(List.of("ndcg: gain must be one of [linear, exponential]"), args(arrays, "ranking", "--metric", "ndcg:gain=log"));
    bad(List.of("map: empty must be one of [zero, skip]"), args(arrays, "ranking", "--metric", "map:empty=nan"));
  }

  @Test
  void arrayLayoutRows() throws Exception {
    String dup = json("dup.json", "{\"prediction\": [3, 1, 3], \"label\": [1]}");
    bad(List.of("row 0", "prediction ranks item 3 twice", "each item once"), args(dup, "ranking"));
    String nul = json("nulls.json", "{\"prediction\": [3, null, 2], \"label\": [1]}");
    bad(List.of("row 0", "prediction is NaN at element 1", "a null element reads as NaN"), args(nul, "ranking"));
    String missing = json("missing.json", "{\"prediction\": [3, 1, 2], \"label\": [1]}", "{\"prediction\": [3, 1, 2], \"label\": null}");
    bad(List.of("row 1", "label is null"), args(missing, "ranking"));
  }

  @Test
  void clusteringRows() throws Exception {
    String frac = json("frac.json", "{\"features\": [1, 2], \"prediction\": 0}", "{\"features\": [1, 3], \"prediction\": 1.5}");
    bad(List.of("row 1", "prediction (the cluster id) is 1.5", "whole numbers"), args(frac, "clustering"));
    String dims = json("dims.json", "{\"features\": [1, 2], \"prediction\": 0}", "{\"features\": [1, 3, 4], \"prediction\": 1}");
    bad(List.of("row 1", "features has 3 entries but the first row of this partition has 2"), args(dims, "clustering"));
    bad(List.of("--features column 'nope' is not in the table"), args(dims, "clustering", "--features", "nope"));
    bad(List.of("silhouette: distance must be one of"), args(dims, "clustering", "--metric", "silhouette:distance=manhattan"));
    bad(List.of("--features is given but no requested loss or metric reads it", "silhouette does"),
        args(dims, "regression", "--features", "features"));
    String one = json("one.json", "{\"features\": [1, 2], \"prediction\": 0}", "{\"features\": [1, 3], \"prediction\": 0}");
    Path out = dir.resolve("one");
    Cli.Run run = Cli.run(args(one, "clustering", "--out", out.toString()));
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("undefined (needs at least 2 clusters, got 1)"), run.out());
  }
}
