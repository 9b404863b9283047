package dev.sparkeval.cluster;

import static dev.sparkeval.cluster.StandaloneClusterIT.BASE;
import static dev.sparkeval.cluster.StandaloneClusterIT.submit;
import static dev.sparkeval.cluster.StandaloneClusterIT.tail;
import static dev.sparkeval.cluster.StandaloneClusterIT.values;
import static dev.sparkeval.cluster.StandaloneClusterIT.withoutLastColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on a real standalone cluster (a Master and two Workers as separate JVMs):
 * one executor JVM is killed in the middle of an evaluate and in the middle of a training epoch;
 * Spark re-runs the lost tasks and the reports equal an undisturbed run bit for bit. Then the
 * driver of a checkpointed training run is killed, and --resume finishes with the same history
 * as a run that was never interrupted.
 */
class FaultInjectionIT {
  static final Path WORK = BASE.resolve("target/fault-it");

  static List<String> cmd(LocalCluster c, List<String> spark, List<String> command) {
    List<String> out = new ArrayList<>(List.of("bash", BASE.resolve("submit.sh").toString()));
    out.addAll(spark);
    out.addAll(List.of("--conf", "spark.log.level=INFO")); // the scheduler's account of the loss goes to the log
    out.addAll(command);
    return out;
  }

  /** Starts the command, waits until it has executors and has run for a while, kills one executor, waits for the end. */
  /** Starts the command, waits for {@code marker} in its log (the work under way), then kills one of its executors. */
  static void runAndKillAnExecutor(LocalCluster cluster, String name, List<String> cmd, String marker, long afterMs)
      throws Exception {
    // executors of earlier applications may still be shutting down: only this run's are fair game
    java.util.Set<Long> before = new java.util.HashSet<>();
    for (ProcessHandle h : cluster.executors()) before.add(h.pid());
    Process job = cluster.startJob(name, cmd);
    long deadline = System.currentTimeMillis() + 180_000;
    List<ProcessHandle> mine = List.of();
    while (job.isAlive() && System.currentTimeMillis() < deadline
        && !(Files.exists(cluster.log(name)) && Files.readString(cluster.log(name)).contains(marker))) {
      Thread.sleep(50);
    }
    Thread.sleep(afterMs);
    mine = cluster.executors().stream().filter(h -> !before.contains(h.pid())).toList();
    assertTrue(job.isAlive(), name + " ended before the fault could be injected:\n" + tail(cluster.log(name)));
    assertTrue(!mine.isEmpty() && mine.get(0).isAlive(), "an executor of this run to kill");
    mine.get(0).destroyForcibly();
    assertTrue(job.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
    assertEquals(0, job.exitValue(), name + " failed after the executor loss:\n" + tail(cluster.log(name)));
    String log = Files.readString(cluster.log(name)).toLowerCase(java.util.Locale.ROOT);
    assertTrue(log.contains("lost executor") || log.contains("executorlostfailure") || log.contains("executor lost"),
        "the driver saw the executor loss:\n" + tail(cluster.log(name)));
  }

  @Test
  void executorLossAndDriverLossChangeNoBit() throws Exception {
    Path jar = BASE.resolve("target/sparkeval.jar");
    assertTrue(Files.isRegularFile(jar), "the application jar is built by mvn package before this test: " + jar);
    deleteTree(WORK); // every report compared below must come from this run
    Files.createDirectories(WORK);
    try (LocalCluster cluster = new LocalCluster(WORK.resolve("spark-home"), BASE.resolve("target/spark-runtime-classpath.txt"),
        BASE.resolve("conf"))) {
      cluster.start(2, 120);
      List<String> onCluster = List.of("--master", cluster.masterUrl(), "--conf", "spark.driver.host=127.0.0.1",
          "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
          "--total-executor-cores", "2", "--executor-memory", "768m");
      List<String> local = List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false");

      // a table big enough that one evaluate takes several seconds on two one-core executors
      String table = WORK.resolve("big.parquet").toString();
      submit(cluster, "generate", local, List.of("generate", "--task", "regression", "--rows", "4000000",
          "--partitions", "12", "--out", table));
      List<String> evaluate = List.of("evaluate", "--input", table, "--task", "regression", "--weight", "weight",
          "--slice", "segment", "--loss", "mse", "--loss", "mae", "--loss", "huber", "--loss", "log_cosh",
          "--metric", "r2", "--metric", "explained_variance");
      submit(cluster, "evaluate-undisturbed", onCluster, evaluate, "--out", WORK.resolve("undisturbed").toString());
      List<String> disturbed = new ArrayList<>(evaluate);
      disturbed.addAll(List.of("--out", WORK.resolve("disturbed").toString()));
      runAndKillAnExecutor(cluster, "evaluate-disturbed", cmd(cluster, onCluster, disturbed), "Starting job: reduce at Engine", 1000);
      assertEquals(values(WORK.resolve("undisturbed/report.json")), values(WORK.resolve("disturbed/report.json")),
          "an evaluate that lost an executor equals an undisturbed one");

      // training: an executor dies during an epoch (its cached blocks are recomputed)
      String trainSet = WORK.resolve("train.parquet").toString();
      submit(cluster, "generate-train", local, List.of("generate", "--task", "training", "--rows", "100000",
          "--features", "20", "--partitions", "4", "--out", trainSet));
      List<String> train = List.of("train", "--train", trainSet, "--model", "logistic", "--loss", "bce", "--epochs", "3",
          "--batch-size", "500", "--learning-rate", "0.1", "--seed", "3", "--metric", "accuracy");
      submit(cluster, "train-undisturbed", onCluster, train, "--out", WORK.resolve("train-undisturbed").toString());
      List<String> trainDisturbed = new ArrayList<>(train);
      trainDisturbed.addAll(List.of("--out", WORK.resolve("train-disturbed").toString()));
      runAndKillAnExecutor(cluster, "train-disturbed", cmd(cluster, onCluster, trainDisturbed), "Epoch 1/3", 300);
      assertEquals(withoutLastColumn(WORK.resolve("train-undisturbed/history.csv")),
          withoutLastColumn(WORK.resolve("train-disturbed/history.csv")), "history after an executor loss");
      assertEquals(values(WORK.resolve("train-undisturbed/model.json")), values(WORK.resolve("train-disturbed/model.json")));

      // the driver is killed after a checkpoint; --resume finishes with the history of a straight run
      List<String> longTrain = new ArrayList<>(train);
      longTrain.set(longTrain.indexOf("--epochs") + 1, "8");
      submit(cluster, "train-straight", local, longTrain, "--out", WORK.resolve("straight").toString());
      Path ckpt = WORK.resolve("ckpt");
      deleteTree(ckpt); // a checkpoint left by an earlier run would be resumed from
      deleteTree(WORK.resolve("resumed"));
      List<String> withCkpt = new ArrayList<>(longTrain);
      withCkpt.addAll(List.of("--checkpoint", ckpt.toString(), "--out", WORK.resolve("resumed").toString()));
      Process driver = cluster.startJob("train-killed", cmd(cluster, local, withCkpt));
      long deadline = System.currentTimeMillis() + 180_000;
      while (checkpointEpoch(ckpt) < 2 && driver.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(50);
      assertTrue(driver.isAlive(), "the run ended before it could be killed:\n" + tail(cluster.log("train-killed")));
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      int at = checkpointEpoch(ckpt);
      assertTrue(at >= 2 && at < 8, "killed after epoch " + at);
      assertTrue(!Files.exists(WORK.resolve("resumed/report.json")), "a killed run leaves no report");
      List<String> resume = new ArrayList<>(withCkpt);
      resume.add("--resume");
      submit(cluster, "train-resumed", local, resume);
      assertEquals(withoutLastColumn(WORK.resolve("straight/history.csv")), withoutLastColumn(WORK.resolve("resumed/history.csv")),
          "resumed history equals a straight run");
      assertEquals(values(WORK.resolve("straight/model.json")), values(WORK.resolve("resumed/model.json")));
    }
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  static int checkpointEpoch(Path dir) {
    try {
      Path f = dir.resolve("checkpoint.json");
      return Files.exists(f) ? new ObjectMapper().readTree(f.toFile()).get("epoch").asInt() : -1;
    } catch (Exception e) {
      return -1; // being replaced right now; read again
    }
  }
}
