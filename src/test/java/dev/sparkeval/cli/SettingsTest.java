package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.request.Flags;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.train.Training;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings are built and checked in one place: the Java API names the setting, the command line
 * its option, with the same words after it. No SparkSession needed.
 */
class SettingsTest {
  @Test
  void evaluationSettingsAreCompleteAndImmutable() {
    double[] w = {1, 2};
    Evaluation.Settings s = Evaluation.settings().task(Task.MULTICLASS).classWeights(w).slice("segment").bootstrap(50).build();
    assertEquals(Map.of(Role.LABEL, "label", Role.PREDICTION, "probability"), s.columns());
    assertEquals(0.5, s.threshold());
    assertEquals(10_000, s.maxSlices());
    assertEquals(42, s.seed());
    w[0] = 9;
    assertArrayEquals(new double[] {1, 2}, s.classWeights(), "the builder copied the weights");
    s.classWeights()[1] = 9;
    assertArrayEquals(new double[] {1, 2}, s.classWeights(), "the settings hand out copies");
    assertThrows(UnsupportedOperationException.class, () -> s.columns().put(Role.WEIGHT, "w"));
    assertThrows(UnsupportedOperationException.class, () -> s.slices().add("other"));
    Evaluation.Settings again = Evaluation.settings().settings(s).build();
    assertEquals(s.columns(), again.columns());
    assertEquals(s.bootstrap(), again.bootstrap());
  }

  @Test
  void theJavaApiNamesTheSettingAndTheCommandLineItsOption() {
    InvalidSetting e = assertThrows(InvalidSetting.class,
        () -> Evaluation.settings().task(Task.BINARY).threshold(1.5).build());
    assertEquals("threshold must be strictly between 0 and 1, got 1.5", e.getMessage());
    UsageException cli = assertThrows(UsageException.class,
        () -> Flags.build(() -> Evaluation.settings().task(Task.BINARY).threshold(1.5).build()));
    assertEquals("--threshold must be strictly between 0 and 1, got 1.5", cli.getMessage());
    assertEquals("maxSlices must be >= 1, got 0",
        assertThrows(InvalidSetting.class, () -> Evaluation.settings().task(Task.REGRESSION).maxSlices(0).build()).getMessage());
    assertEquals("--bootstrap must be between 2 and 10000 replicates (or 0 for off), got 1", assertThrows(UsageException.class,
        () -> Flags.build(() -> Evaluation.settings().task(Task.REGRESSION).bootstrap(1).build())).getMessage());
    assertEquals("the task is required: one of " + Task.ids(),
        assertThrows(UsageException.class, () -> Evaluation.settings().build()).getMessage());
  }

  @Test
  void trainingSettingsToo() {
    Training.Settings s = Training.settings().model("logistic").epochs(3).build();
    assertEquals(3, s.loop().epochs());
    assertEquals(32, s.loop().batchSize());
    assertNull(s.metrics(), "the task's default metrics");
    assertEquals("learningRate must be a finite number > 0, got 0.0",
        assertThrows(InvalidSetting.class, () -> Training.settings().learningRate(0).build()).getMessage());
    assertEquals("--batch-size must be >= 1, got 0",
        assertThrows(UsageException.class, () -> Flags.build(() -> Training.settings().batchSize(0).build())).getMessage());
    assertEquals("--iteration-mode must be job or barrier, got 'x'",
        assertThrows(UsageException.class, () -> Flags.build(() -> Training.settings().iterationMode("x").build())).getMessage());
  }

  @Test
  void optionsAreTheSettingsInKebabCase() {
    assertEquals("--max-slices", Flags.of("maxSlices"));
    assertEquals("--learning-rate", Flags.of("learningRate"));
    assertEquals("--l2", Flags.of("l2"));
    assertEquals("--threshold", Flags.of("threshold"));
  }
}
