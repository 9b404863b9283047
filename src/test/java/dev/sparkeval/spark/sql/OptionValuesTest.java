package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.request.EvaluateOptions;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.train.Training;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threshold, the class weights and cross_entropy's log base have one parser and one check
 * each: Java, the command line and SQL refuse the same values with the same words, each naming
 * the setting its own way. No SparkSession needed.
 */
class OptionValuesTest {
  private static String cli(String... args) {
    return assertThrows(UsageException.class, () -> EvaluateOptions.parse(List.of(args), "evaluate")).getMessage();
  }

  private static String sql(Runnable r) {
    return assertThrows(UsageException.class, r::run).getMessage();
  }

  @Test void thresholdEverywhere() {
    String problem = "must be strictly between 0 and 1, got 1.5";
    assertEquals("threshold " + problem,
        assertThrows(InvalidSetting.class, () -> Evaluation.settings().task(Task.BINARY).threshold(1.5).build()).getMessage());
    assertEquals("--threshold " + problem, cli("--task", "binary", "--threshold", "1.5"));
    assertEquals("f1: threshold " + problem, sql(() -> SqlOptions.threshold("f1", "1.5")));
    assertEquals("f1: threshold must be a number strictly between 0 and 1, got 'high'", sql(() -> SqlOptions.threshold("f1", "high")));
    assertEquals(0.25, SqlOptions.threshold("f1", " 0.25"));
  }

  @Test void classWeightsEverywhere() {
    String negative = "has weight 1 = -2.0; class weights must be finite and >= 0";
    assertEquals("classWeights " + negative, assertThrows(InvalidSetting.class,
        () -> Evaluation.settings().task(Task.MULTICLASS).classWeights(1, -2).build()).getMessage());
    assertEquals("classWeights " + negative, assertThrows(InvalidSetting.class,
        () -> Training.settings().model("softmax").classWeights(1, -2).build()).getMessage());
    assertEquals("--class-weights " + negative, cli("--task", "multiclass", "--class-weights", "1,-2"));
    assertEquals("cross_entropy: class_weights " + negative, sql(() -> SqlOptions.weights("cross_entropy", "1;-2")));
    assertEquals("--class-weights must be numbers W0,W1,... such as 1,2.5; 'x' is not a number",
        cli("--task", "multiclass", "--class-weights", "1,x"));
    assertEquals("cross_entropy: class_weights must be numbers W0;W1;... such as 1;2.5; 'x' is not a number",
        sql(() -> SqlOptions.weights("cross_entropy", "1;x")));
    assertArrayEquals(new double[] {1, 2.5}, SqlOptions.weights("cross_entropy", "1; 2.5"));
    assertArrayEquals(new double[] {1, 2.5}, EvaluateOptions.parse(List.of("--task", "multiclass", "--class-weights", "1, 2.5"),
        "evaluate").settings().classWeights());
  }

  @Test void logBaseOfBothCrossEntropies() {
    for (String base : List.of("1", "0", "-2", "two", "Infinity")) {
      String multiclass = sql(() -> Catalogs.standard().resolve("cross_entropy:base=" + base, EvalOptions.of(Task.MULTICLASS)));
      String distribution = sql(() -> Catalogs.standard().resolve("cross_entropy:base=" + base, EvalOptions.of(Task.DISTRIBUTION)));
      assertEquals("cross_entropy: base must be e or a number > 0 other than 1 (2 for bits), got '" + base + "'", multiclass);
      assertEquals(multiclass, distribution);
    }
  }

  /** Option combinations a task refuses: the Java API names its setting, the command line its flag, SQL its key. */
  @Test void combinationsNameTheSettingAsEachWayInSpellsIt() {
    String problem = "does not apply to task regression; it is for binary, multiclass, multilabel and distribution predictions";
    assertEquals("logits " + problem, assertThrows(InvalidSetting.class,
        () -> Evaluation.settings().task(Task.REGRESSION).logits(true).build()).getMessage());
    assertEquals("--logits " + problem, cli("--task", "regression", "--logits"));
    assertEquals("mse: logits " + problem, sql(() -> SqlOptions.checked("mse", () -> {
      dev.sparkeval.catalog.Tasks.validate(new EvalOptions(Task.REGRESSION, true, 0.5, null, false));
      return null;
    })));
    assertEquals("--class-weights does not apply to task embedding; it is for classification and for cross_entropy on distributions",
        cli("--task", "embedding", "--class-weights", "1,2"));
    assertEquals("labelSets is for task multilabel (label and prediction as arrays of label ids)", assertThrows(InvalidSetting.class,
        () -> Evaluation.settings().task(Task.BINARY).labelSets(true).build()).getMessage());
  }
}
