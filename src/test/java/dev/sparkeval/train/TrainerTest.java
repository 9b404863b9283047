package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.SquaredError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's semantics on in-memory blocks: determinism, resume, early stopping, restore-best. */
class TrainerTest {
  @TempDir Path dir;

  static final int D = 3;
  static final List<Block> TRAIN, VAL;

  static {
    Random r = new Random(11);
    double[][] x = new double[300][D];
    double[] y = new double[300];
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < D; j++) x[i][j] = r.nextGaussian();
      y[i] = 2 * x[i][0] - x[i][1] + 0.5 * x[i][2] + 3 + 0.3 * r.nextGaussian();
    }
    TRAIN = LocalBatches.blocks(java.util.Arrays.copyOfRange(x, 0, 240), java.util.Arrays.copyOfRange(y, 0, 240), 3);
    VAL = LocalBatches.blocks(java.util.Arrays.copyOfRange(x, 240, 300), java.util.Arrays.copyOfRange(y, 240, 300), 2);
  }

  static Plan plan() {
    EvalOptions o = EvalOptions.of(Task.REGRESSION);
    return Plan.build(Catalogs.standard(), o, List.of("mse"), List.of("mae"), Tasks.parts(o), Tasks.rule(o));
  }

  static TrainConfig.Builder config(int epochs) {
    return TrainConfig.builder().epochs(epochs).batchSize(16).seed(5).l2(0.01);
  }

  static Trainer.Result run(String model, String optimizer, TrainConfig c, Batches data) {
    Network net = ModelSpec.parse(model).network(D, 1);
    Objective obj = new PointObjective(new SquaredError(), Reduction.MEAN);
    Plan p = plan();
    return new Trainer(net, obj, Optimizer.parse(optimizer, 0.02), c, p, p).run(data, e -> { });
  }

  static Trainer.Result run(String model, String optimizer, TrainConfig c) {
    Network net = ModelSpec.parse(model).network(D, 1);
    return run(model, optimizer, c, new LocalBatches(TRAIN, VAL, c.seed(), c.batchSize(), net,
        new PointObjective(new SquaredError(), Reduction.MEAN)));
  }

  /** History without the wall-clock column. */
  static List<String> curves(Trainer.Result r) {
    List<String> out = new ArrayList<>();
    for (Epoch e : r.history()) {
      var m = e.toMap();
      m.remove("seconds");
      out.add(m.toString());
    }
    return out;
  }

  @Test
  void learnsAndIsDeterministicBySeed() {
    for (String opt : List.of("sgd", "momentum", "adam")) {
      Trainer.Result a = run("mlp:hidden=8,activation=tanh", opt, config(8).build());
      Trainer.Result b = run("mlp:hidden=8,activation=tanh", opt, config(8).build());
      assertEquals(curves(a), curves(b), opt);
      assertArrayEquals(a.weights(), b.weights(), 0.0);
      assertEquals(15, a.iterationsPerEpoch(), "ceil(240 / 16)");
      assertTrue(a.history().get(7).valLoss() < 0.3 * a.history().get(0).valLoss(), opt + " learns: " + curves(a));
      TrainConfig other = config(8).seed(6).build();
      assertNotEquals(curves(a), curves(run("mlp:hidden=8,activation=tanh", opt, other)), "another seed, another run");
    }
  }

  @Test
  void resumedRunEqualsStraightRun() {
    for (String es : new String[] {null, "patience=2,min_delta=0"}) {
      TrainConfig straight = config(7).earlyStopping(es).build();
      Trainer.Result s = run("mlp:hidden=4x3,activation=relu", "adam", straight);

      TrainConfig first = config(3).earlyStopping(es).checkpoint(dir.resolve("ck" + (es == null ? "" : "-es"))).build();
      run("mlp:hidden=4x3,activation=relu", "adam", first);
      TrainConfig rest = config(7).earlyStopping(es).checkpoint(first.checkpoint()).resume(true).build();
      Trainer.Result r = run("mlp:hidden=4x3,activation=relu", "adam", rest);
      assertEquals(curves(s), curves(r));
      assertArrayEquals(s.weights(), r.weights(), 0.0);
      assertEquals(s.bestEpoch(), r.bestEpoch());
    }
  }

  @Test
  void resumeRefusesOtherSettings() {
    TrainConfig first = config(2).checkpoint(dir.resolve("ck2")).fingerprint("--learning-rate", "0.02").build();
    run("linear", "sgd", first);
    TrainConfig rest = config(4).checkpoint(first.checkpoint()).resume(true).fingerprint("--learning-rate", "0.5").build();
    UsageException e = assertThrows(UsageException.class, () -> run("linear", "sgd", rest));
    assertTrue(e.getMessage().contains("--learning-rate 0.02"), e.getMessage());
  }

  /** Batches whose validation loss follows a script, so that the true argmin is known. */
  static final class Scripted implements Batches {
    final LocalBatches inner;
    final double[] script;
    int epoch;

    Scripted(double[] script) {
      this.script = script;
      Network net = ModelSpec.parse("linear").network(D, 1);
      inner = new LocalBatches(TRAIN, VAL, 5, 16, net, new PointObjective(new SquaredError(), Reduction.MEAN));
    }

    @Override public long rows() { return inner.rows(); }

    @Override public long validationRows() { return 1; }

    @Override public void epoch(int e) {
      epoch = e;
      inner.epoch(e);
    }

    @Override public StepSums step(long batch, double[] w) { return inner.step(batch, w); }

    @Override public StatSet evaluate(Part part, double[] w, StatSet prototype, RowRule rule) {
      StatSet s = prototype.fresh();
      Example e = new Example();
      e.prediction = Math.sqrt(script[epoch - 1]); // squared error of this one row = the scripted loss
      s.add(e);
      return s;
    }
  }

  static final double[] SCRIPT = {9, 7, 5, 4.2, 4.0, 4.05, 3.99, 4.3, 4.4, 4.5, 4.6, 4.7};

  @Test
  void earlyStoppingStopsAfterPatienceAndRestoresTheArgmin() {
    TrainConfig c = config(12).earlyStopping("patience=3").build();
    Trainer.Result r = run("linear", "sgd", c, new Scripted(SCRIPT));
    assertEquals(7, r.bestEpoch(), "argmin of the script");
    assertEquals(10, r.stoppedEpoch(), "three epochs without improvement after epoch 7");
    assertTrue(r.stoppedEarly() && r.restored());
    assertArrayEquals(run("linear", "sgd", config(7).build(), new Scripted(SCRIPT)).weights(), r.weights(), 0.0,
        "the weights of epoch 7");
    assertArrayEquals(run("linear", "sgd", config(10).build(), new Scripted(SCRIPT)).lastWeights(), r.lastWeights(), 0.0);
  }

  @Test
  void minDeltaIgnoresSmallImprovementsAndNoRestoreKeepsTheLast() {
    TrainConfig c = config(12).earlyStopping("patience=3,min_delta=0.1").restoreBest(false).build();
    Trainer.Result r = run("linear", "sgd", c, new Scripted(SCRIPT));
    assertEquals(5, r.bestEpoch(), "4.0 improves on 4.2 by more than 0.1; 3.99 does not improve on 4.0 by 0.1");
    assertEquals(8, r.stoppedEpoch());
    assertFalse(r.restored());
    assertArrayEquals(run("linear", "sgd", config(8).build(), new Scripted(SCRIPT)).weights(), r.weights(), 0.0, "the last weights");
  }

  @Test
  void withoutEarlyStoppingEveryEpochRunsAndTheBestIsReported() {
    Trainer.Result r = run("linear", "sgd", config(12).build(), new Scripted(SCRIPT));
    assertEquals(12, r.stoppedEpoch());
    assertEquals(7, r.bestEpoch());
    assertFalse(r.restored());
  }

  @Test
  void fullTrainLossIsTheLossOfTheEpochsWeightsOverEveryTrainingRow() {
    TrainConfig c = config(3).fullTrainLoss(true).build();
    Network net = ModelSpec.parse("linear").network(D, 1);
    Objective obj = new PointObjective(new SquaredError(), Reduction.MEAN);
    LocalBatches data = new LocalBatches(TRAIN, VAL, c.seed(), c.batchSize(), net, obj);
    Plan p = plan();
    Trainer.Result r = new Trainer(net, obj, Optimizer.parse("sgd", 0.02), c, p, p).run(data, e -> { });
    Epoch last = r.history().get(2);
    double expected = p.finish(data.evaluate(Batches.Part.TRAIN, r.lastWeights(), p.prototype(), p.rule()))
        .losses().get("mse").value();
    assertEquals(expected, last.trainLossFull(), 0.0);
    assertNotEquals(last.trainLoss(), last.trainLossFull(), "the batch mean is taken along the epoch, at moving weights");
  }

  @Test
  void divergenceIsReported() {
    Network net = ModelSpec.parse("linear").network(D, 1);
    Objective obj = new PointObjective(new SquaredError(), Reduction.MEAN);
    Plan p = plan();
    TrainConfig c = config(5).build();
    UsageException e = assertThrows(UsageException.class, () -> new Trainer(net, obj, Optimizer.parse("sgd", 1e6), c, p, p)
        .run(new LocalBatches(TRAIN, VAL, 5, 16, net, obj), x -> { }));
    assertTrue(e.getMessage().contains("lower --learning-rate"), e.getMessage());
  }
}
