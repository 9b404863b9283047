package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model.json and checkpoint.json are not trusted: each damaged field is refused with one line
 * naming the file, the field and what was expected (no ClassCastException, index or null errors).
 */
class DamagedFilesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** A softmax model on 2 features and 3 classes, as train writes it. */
  static ObjectNode model() throws Exception {
    Network net = new Network(new int[] {2, 3}, Activation.RELU);
    double[] w = new double[net.size()];
    for (int i = 0; i < w.length; i++) w[i] = 0.1 * i;
    ModelFile m = new ModelFile("softmax", Task.MULTICLASS, "cross_entropy", List.of("a", "b"), null, "label", 3, net, w,
        new double[] {0, 0}, new double[] {1, 1});
    return (ObjectNode) JSON.readTree(m.json());
  }

  UsageException refusedModel(Consumer<ObjectNode> damage) throws Exception {
    ObjectNode m = model();
    damage.accept(m);
    Path p = dir.resolve("model-" + System.nanoTime() + ".json");
    Files.writeString(p, m.toString());
    UsageException e = assertThrows(UsageException.class, () -> ModelFile.read(p));
    assertTrue(e.getMessage().startsWith("--model '" + p + "'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  static void has(UsageException e, String... fragments) {
    for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
  }

  @Test
  void aGoodModelReadsBack() throws Exception {
    Path p = dir.resolve("good.json");
    Files.writeString(p, model().toString());
    ModelFile m = ModelFile.read(p);
    assertEquals(3, m.classes());
    assertEquals(0.1 * 7, m.weights()[7], 0.0);
  }

  @Test
  void modelFieldsMissingOrOfTheWrongShapeAreNamed() throws Exception {
    has(refusedModel(m -> m.remove("layers")), "field 'layers' must be a list of 1", "missing");
    has(refusedModel(m -> m.remove("label")), "field 'label' must be a text");
    has(refusedModel(m -> m.put("classes", "three")), "field 'classes' must be a whole number in [2, 100000]");
    has(refusedModel(m -> ((ArrayNode) m.get("sizes")).set(1, 4)), "field 'sizes[1]' must be 3 (the outputs of a multiclass model with 3 classes)");
    has(refusedModel(m -> ((ArrayNode) m.get("sizes")).set(0, 5)), "field 'sizes[0]' must be 2 (one input per name in features)");
    has(refusedModel(m -> ((ArrayNode) m.get("layers").get(0).get("weights")).remove(2)), "field 'layers[0].weights' must be a list of 3");
    has(refusedModel(m -> ((ArrayNode) m.get("layers").get(0).get("weights").get(1)).add(1.0)),
        "field 'layers[0].weights[1]' must be a list of 2 finite numbers");
    has(refusedModel(m -> ((ArrayNode) m.get("layers").get(0).get("bias")).set(0, "x")), "field 'layers[0].bias[0]' must be a finite number");
    has(refusedModel(m -> m.put("task", "ranking")), "field 'task' must be regression, binary or multiclass");
    has(refusedModel(m -> m.put("activation", "swish")), "field 'activation' must be relu, tanh or sigmoid");
    has(refusedModel(m -> m.putNull("features")), "field 'features' must be a list of feature columns");
    has(refusedModel(m -> ((ArrayNode) m.get("standardization").get("std")).remove(0)), "field 'standardization.std' must be a list of 2");
  }

  /** A checkpoint of a 4-parameter linear model after 2 epochs with adam, as the loop writes it. */
  static ObjectNode checkpoint(Path dir) throws Exception {
    List<Epoch> h = List.of(new Epoch(1, 5, 0.5, null, 0.6, new java.util.LinkedHashMap<>(java.util.Map.of("mae", 0.4)), 0.1),
        new Epoch(2, 5, 0.4, null, 0.5, new java.util.LinkedHashMap<>(java.util.Map.of("mae", 0.3)), 0.1));
    Checkpoint c = new Checkpoint(java.util.Map.of("--model", "linear"), 2, false, new double[] {1, 2, 3, 4}, null, 2, 0.5,
        new Optimizer.State(10, new double[4], new double[4]), java.util.Map.of(), h, List.of("mae"));
    c.write(dir);
    return (ObjectNode) JSON.readTree(dir.resolve(Checkpoint.FILE).toFile());
  }

  UsageException refusedCheckpoint(Consumer<ObjectNode> damage) throws Exception {
    Path d = dir.resolve("ck-" + System.nanoTime());
    ObjectNode c = checkpoint(d);
    damage.accept(c);
    Files.writeString(d.resolve(Checkpoint.FILE), c.toString());
    UsageException e = assertThrows(UsageException.class, () -> Checkpoint.read(d).checkSizes(d, 4, Optimizer.Kind.ADAM));
    assertTrue(e.getMessage().startsWith("--resume: checkpoint " + d.resolve(Checkpoint.FILE)), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  @Test
  void aGoodCheckpointReadsBackBitForBit() throws Exception {
    Path d = dir.resolve("good");
    checkpoint(d);
    Checkpoint c = Checkpoint.read(d);
    c.checkSizes(d, 4, Optimizer.Kind.ADAM);
    assertEquals(2, c.epoch());
    assertEquals(0.3, c.history().get(1).valMetrics().get("mae"), 0.0);
  }

  @Test
  void checkpointFieldsOfTheWrongTypeRangeOrLengthAreNamed() throws Exception {
    has(refusedCheckpoint(c -> c.put("epoch", -7)), "field 'epoch' must be a whole number in [0, ");
    has(refusedCheckpoint(c -> ((ArrayNode) c.get("weights")).set(1, "two")), "field 'weights[1]' must be a finite number", "\"two\"");
    has(refusedCheckpoint(c -> ((ArrayNode) c.get("weights")).add(5)), "field 'weights' must be a list of 4 numbers (this run's model has 4 parameters)");
    has(refusedCheckpoint(c -> c.put("weights", "1,2,3,4")), "field 'weights' must be a list of finite numbers");
    has(refusedCheckpoint(c -> ((ArrayNode) c.get("optimizer").get("v")).remove(0)), "field 'optimizer.v' must be a list of 4");
    has(refusedCheckpoint(c -> ((ObjectNode) c.get("optimizer")).putNull("v")), "field 'optimizer.v'", "adam keeps both");
    has(refusedCheckpoint(c -> c.remove("history")), "field 'history' must be a list of 2");
    has(refusedCheckpoint(c -> ((ObjectNode) c.get("history").get(0)).put("epoch", 3)), "field 'history[0].epoch' must be a whole number in [1, 1]");
    has(refusedCheckpoint(c -> ((ObjectNode) c.get("history").get(1)).put("val_mae", "low")), "field 'history[1].val_mae' must be a finite number or null");
    has(refusedCheckpoint(c -> c.put("stopped", "no")), "field 'stopped' must be true or false");
    has(refusedCheckpoint(c -> c.put("best_epoch", 9)), "field 'best_epoch' must be a whole number in [0, 2]");
  }
}
