package dev.sparkeval.perf;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.Batch;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Manual probe (not a test): CPU nanoseconds per row of each state's batch fold, without Spark,
 * on rows like the SQL bench's table. java ... dev.sparkeval.perf.FoldProbe regression|binary|fused
 */
public final class FoldProbe {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  static Batch load(Batch batch, Batch from) {
    System.arraycopy(from.label, 0, batch.label, 0, from.size);
    System.arraycopy(from.prediction, 0, batch.prediction, 0, from.size);
    batch.size = from.size;
    return batch;
  }

  public static void main(String[] a) {
    String suite = a.length > 0 ? a[0] : "regression";
    Task task = suite.equals("regression") ? Task.REGRESSION : Task.BINARY;
    EvalOptions o = new EvalOptions(task, false, 0.5, null, false);
    List<String> losses = switch (suite) {
      case "regression" -> List.of("mse", "rmse", "mae", "huber");
      case "binary" -> List.of("bce");
      default -> List.of("bce", "focal");
    };
    List<String> metrics = switch (suite) {
      case "regression" -> List.of("r2", "mean_error");
      case "binary" -> List.of("accuracy", "precision", "recall", "f1", "brier");
      default -> List.of("accuracy", "precision", "recall", "f1", "mcc", "auc_roc:bins=4096", "auc_pr:bins=4096", "log_loss", "brier");
    };
    Plan plan = Plan.build(Catalogs.standard(), o, losses, metrics, Tasks.parts(o), Tasks.rule(o));
    int n = 4096, batches = 64;
    Random r = new Random(1);
    List<Batch> data = new ArrayList<>(); // sources; each is copied into one reused batch, as the engine does
    for (int k = 0; k < batches; k++) {
      Batch b = new Batch(1);
      b.size = n;
      b.label = new double[n];
      b.prediction = new double[n];
      for (int i = 0; i < n; i++) {
        if (task == Task.REGRESSION) {
          b.label[i] = 100 + 10 * r.nextGaussian();
          b.prediction[i] = b.label[i] + 3 * r.nextGaussian();
        } else {
          double p = 1 / (1 + Math.exp(-2 * r.nextGaussian()));
          b.prediction[i] = p;
          b.label[i] = r.nextDouble() < p ? 1 : 0;
        }
      }
      data.add(b);
    }
    List<Stat> stats = new ArrayList<>(plan.prototype().stats());
    stats.addAll(plan.overallPrototype().stats());
    Batch batch = new Batch(n);
    batch.label = new double[n];
    batch.prediction = new double[n];
    for (int round = 0; round < 5; round++) {
      double total = 0;
      StringBuilder line = new StringBuilder();
      for (Stat proto : stats) {
        Stat s = proto.fresh();
        long t0 = MX.getCurrentThreadCpuTime();
        for (int rep = 0; rep < 20; rep++) for (Batch b : data) s.add(load(batch, b));
        double ns = (MX.getCurrentThreadCpuTime() - t0) / (20.0 * batches * n);
        total += ns;
        line.append(String.format("  %-40s %6.2f%n", proto.key(), ns));
      }
      StatSet all = StatSet.of(stats);
      long t0 = MX.getCurrentThreadCpuTime();
      for (int rep = 0; rep < 20; rep++) for (Batch b : data) all.add(load(batch, b));
      double fused = (MX.getCurrentThreadCpuTime() - t0) / (20.0 * batches * n);
      if (round == 4) System.out.print(line);
      System.out.printf("round %d: sum of states %.2f ns/row, all together %.2f ns/row%n", round, total, fused);
    }
  }
}
