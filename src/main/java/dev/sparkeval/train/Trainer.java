package dev.sparkeval.train;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The mini-batch loop. An epoch visits every training row once, in the order of that epoch's
 * shuffle, in ceil(rows / batch size) iterations; each iteration is one aggregation of the
 * batch's rows, one gradient and one optimizer update. After each epoch the validation rows
 * go through the fused evaluation (the loss and every metric in one pass).
 */
public final class Trainer {
  /** What the loop produced. Weights are in the model's training space (standardized features). */
  public record Result(List<Epoch> history, double[] weights, double[] lastWeights, int bestEpoch, int stoppedEpoch,
                       boolean stoppedEarly, boolean restored, long iterationsPerEpoch, double iterationMs) {}

  private final Network net;
  private final Objective obj;
  private final Optimizer opt;
  private final TrainConfig cfg;
  private final Plan plan;
  private final String lossSpec;
  private final Plan trainPlan;

  /** plan: the validation evaluation, whose first loss is the training loss (same spec). */
  public Trainer(Network net, Objective obj, Optimizer opt, TrainConfig cfg, Plan plan, Plan trainPlan) {
    this.net = net;
    this.obj = obj;
    this.opt = opt;
    this.cfg = cfg;
    this.plan = plan;
    this.trainPlan = trainPlan;
    this.lossSpec = plan.losses().get(0).spec().text();
  }

  public Result run(Batches data, Consumer<Epoch> onEpoch) {
    long n = data.rows();
    long iters = (n + cfg.batchSize() - 1) / cfg.batchSize();
    EarlyStopping es = cfg.earlyStopping() == null ? null : EarlyStopping.parse(cfg.earlyStopping());
    double[] w = net.init(cfg.seed());
    double[] bestW = null;
    int bestEpoch = 0;
    double bestLoss = Double.POSITIVE_INFINITY;
    List<Epoch> history = new ArrayList<>();
    int first = 1;
    boolean stop = false;
    if (cfg.resume()) {
      Checkpoint ck = Checkpoint.read(cfg.checkpoint());
      ck.checkSame(cfg.fingerprint());
      ck.checkSizes(cfg.checkpoint(), net.size(), opt.kind());
      w = ck.weights();
      bestW = ck.bestWeights();
      bestEpoch = ck.bestEpoch();
      bestLoss = ck.bestLoss() == null ? Double.POSITIVE_INFINITY : ck.bestLoss();
      opt.restore(ck.optimizer());
      if (es != null) es.restore(ck.earlyStopping());
      history.addAll(ck.history());
      first = ck.epoch() + 1;
      stop = ck.stopped();
    }
    long stepNanos = 0, steps = 0;
    Stepper stepper = new Stepper(net, obj, opt, cfg.l2());
    for (int e = first; e <= cfg.epochs() && !stop; e++) {
      long t0 = System.nanoTime();
      data.epoch(e);
      ExactSum weighted = new ExactSum();
      long s0 = System.nanoTime();
      Stepper.EpochRun run = data.trainEpoch(iters, stepper, w);
      if (run != null) {
        w = run.weights();
        opt.restore(run.optimizer());
        for (int b = 0; b < iters; b++) if (!Double.isNaN(run.losses()[b])) weighted.addProduct(run.losses()[b], run.rows()[b]);
      } else {
        for (long b = 0; b < iters; b++) {
          StepSums s = data.step(b, w);
          double loss = stepper.apply(s, w);
          if (!Double.isNaN(loss) || s.denominator.value() != 0) weighted.addProduct(loss, s.rows);
        }
      }
      stepNanos += System.nanoTime() - s0;
      steps += iters;
      double trainLoss = Exact.ratio(weighted, count(n));
      if (!Double.isFinite(trainLoss) || !allFinite(w)) {
        throw new UsageException("training diverged in epoch " + e + " (the loss became " + trainLoss
            + "); lower --learning-rate (now " + cfg.fingerprint().getOrDefault("--learning-rate", "?") + ")");
      }
      Double full = cfg.fullTrainLoss() ? loss(trainPlan.finish(data.evaluate(Batches.Part.TRAIN, w, trainPlan.prototype(),
          trainPlan.rule()))) : null;
      Plan.Outcome val = plan.finish(data.evaluate(Batches.Part.VALIDATION, w, plan.prototype(), plan.rule()));
      Double valLoss = loss(val);
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (Map.Entry<String, Value> m : val.metrics().entrySet()) {
        metrics.put(m.getKey(), m.getValue().defined() ? m.getValue().value() : null);
      }
      Epoch rec = new Epoch(e, iters, trainLoss, full, valLoss, metrics, (System.nanoTime() - t0) / 1e9);
      history.add(rec);
      double v = valLoss == null ? Double.NaN : valLoss;
      if (es != null) {
        if (es.improved(e, v)) {
          bestW = w.clone();
          bestEpoch = e;
          bestLoss = v;
        }
        stop = es.shouldStop();
      } else if (v < bestLoss) {
        bestLoss = v;
        bestEpoch = e;
      }
      onEpoch.accept(rec);
      if (cfg.checkpoint() != null) {
        write(new Checkpoint(cfg.fingerprint(), e, stop, w, bestW, bestEpoch, Double.isFinite(bestLoss) ? bestLoss : null,
            opt.state(), es == null ? Map.of() : es.state(), history, new ArrayList<>(metrics.keySet())));
      }
    }
    int last = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    boolean restore = es != null && cfg.restoreBest() && bestW != null;
    return new Result(history, restore ? bestW : w, w, bestEpoch, last, stop, restore, iters,
        steps == 0 ? Double.NaN : stepNanos / 1e6 / steps);
  }

  private Double loss(Plan.Outcome o) {
    Value v = o.losses().get(lossSpec);
    return v != null && v.defined() ? v.value() : null;
  }

  private void write(Checkpoint ck) {
    try {
      ck.write(cfg.checkpoint());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean allFinite(double[] w) {
    for (double x : w) if (!Double.isFinite(x)) return false;
    return true;
  }

  private static ExactSum count(long n) {
    ExactSum c = new ExactSum();
    c.add(n);
    return c;
  }
}
