package dev.sparkeval.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.testkit.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * sparkeval on a real Spark standalone cluster: a Master and two Workers (1 core, 1g each) as
 * separate JVMs, evaluate, sql and train submitted through ./submit.sh with SPARK_HOME set, and
 * results that equal a local-mode run bit for bit. Runs in `mvn verify` (integration-test phase, after the jar is built).
 */
class StandaloneClusterIT {
  static final Path BASE = Path.of(System.getProperty("sparkeval.basedir", ".")).toAbsolutePath();
  static final Path WORK = BASE.resolve("target/cluster-it");

  @Test
  void evaluateAndSqlOnTheClusterEqualLocalModeBitForBit() throws Exception {
    Path jar = BASE.resolve("target/sparkeval.jar");
    assertTrue(Files.isRegularFile(jar), "the application jar is built by mvn package before this test: " + jar);
    Files.createDirectories(WORK);
    Path input = writePredictions(WORK.resolve("preds.csv"), 20_000);
    try (LocalCluster cluster = new LocalCluster(WORK.resolve("spark-home"), BASE.resolve("target/spark-runtime-classpath.txt"),
        BASE.resolve("conf"))) {
      cluster.start(2, 120);
      List<String> onCluster = List.of("--master", cluster.masterUrl(), "--conf", "spark.driver.host=127.0.0.1",
          "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
          "--total-executor-cores", "2", "--executor-memory", "512m");
      List<String> local = List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false");
      List<String> evaluate = List.of("evaluate", "--input", input.toString(), "--task", "regression", "--weight", "w",
          "--slice", "segment", "--loss", "mse", "--loss", "rmse", "--loss", "mae", "--loss", "huber:delta=0.5",
          "--loss", "log_cosh", "--loss", "quantile:q=0.9", "--metric", "r2", "--metric", "explained_variance",
          "--metric", "mape", "--metric", "mean_error");

      submit(cluster, "evaluate-local", local, evaluate, "--partitions", "1", "--out", WORK.resolve("local").toString());
      submit(cluster, "evaluate-cluster", onCluster, evaluate, "--partitions", "7", "--out", WORK.resolve("cluster").toString());
      JsonNode localReport = values(WORK.resolve("local/report.json"));
      assertEquals(localReport, values(WORK.resolve("cluster/report.json")), "cluster report equals local report");
      assertEquals(20_000, localReport.get("rows").asLong());

      // SQL aggregates on the cluster (states travel through a shuffle) give the local evaluate's slice values
      List<String> sql = List.of("sql", "--view", "preds=" + input, "SELECT segment, mse(label, prediction, w) AS mse,"
          + " huber(label, prediction, w, 0.5) AS huber, r2(label, prediction, w) AS r2 FROM preds GROUP BY segment ORDER BY segment");
      submit(cluster, "sql-cluster", onCluster, sql, "--out", WORK.resolve("sql-cluster").toString());
      List<String> csv = Files.readAllLines(WORK.resolve("sql-cluster/result.csv"));
      assertEquals(List.of("segment", "mse", "huber", "r2"), List.of(csv.get(0).split(",")));
      assertEquals(6, csv.size());
      for (int i = 0; i < 5; i++) {
        String[] cells = csv.get(i + 1).split(",");
        JsonNode slice = localReport.get("slices").get(i);
        assertEquals(slice.get("slice").get("segment").asText(), cells[0]);
        assertBits(slice.get("losses").get("mse").asDouble(), cells[1]);
        assertBits(slice.get("losses").get("huber:delta=0.5").asDouble(), cells[2]);
        assertBits(slice.get("metrics").get("r2").asDouble(), cells[3]);
      }

      // Training: the same partitioning and seed give the same weights, curves and report bits
      List<String> train = List.of("train", "--train", BASE.resolve("data/diabetes.csv").toString(), "--label", "progression",
          "--model", "linear", "--epochs", "3", "--batch-size", "64", "--partitions", "2", "--seed", "1");
      submit(cluster, "train-local", local, train, "--out", WORK.resolve("train-local").toString());
      submit(cluster, "train-cluster", onCluster, train, "--out", WORK.resolve("train-cluster").toString());
      assertEquals(values(WORK.resolve("train-local/report.json")), values(WORK.resolve("train-cluster/report.json")));
      assertEquals(values(WORK.resolve("train-local/model.json")), values(WORK.resolve("train-cluster/model.json")));
      assertEquals(withoutLastColumn(WORK.resolve("train-local/history.csv")), withoutLastColumn(WORK.resolve("train-cluster/history.csv")));

      // Any Spark program gets the functions from --conf spark.sql.extensions and the jar
      Path probe = probeJar(WORK.resolve("probe.jar"));
      List<String> probeRun = new ArrayList<>(List.of(cluster.home().resolve("bin/spark-submit").toString()));
      probeRun.addAll(onCluster);
      probeRun.addAll(List.of("--conf", "spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions", "--jars", jar.toString(),
          "--name", "probe", "--class", ExtensionsProbe.class.getName(), probe.toString(), input.toString()));
      assertEquals(0, cluster.run("probe", probeRun, Map.of(), 240), tail(cluster.log("probe")));
      String line = Files.readAllLines(cluster.log("probe")).stream().filter(l -> l.startsWith("mse=")).findFirst().orElseThrow();
      assertBits(localReport.get("losses").get("mse").asDouble(), line.substring(4));

      assertEquals(List.of("probe", "sparkeval", "sparkeval", "sparkeval"), cluster.completedApps().stream().sorted().toList(),
          "every cluster run ran as an application of the Master");
    }
  }

  /** history.csv without its last column (seconds per epoch). */
  static List<String> withoutLastColumn(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  /** A jar holding only the probe class: the program that knows nothing of sparkeval. */
  static Path probeJar(Path jar) throws Exception {
    String entry = ExtensionsProbe.class.getName().replace('.', '/') + ".class";
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
         var in = ExtensionsProbe.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new java.util.jar.JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  static void assertBits(double expected, String actual) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Double.parseDouble(actual)), expected + " vs " + actual);
  }

  /** Runs ./submit.sh with SPARK_HOME pointing at the test cluster's home; fails with the log on a non-zero exit. */
  static void submit(LocalCluster cluster, String name, List<String> sparkOptions, List<String> command, String... more)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", BASE.resolve("submit.sh").toString()));
    cmd.addAll(sparkOptions);
    cmd.addAll(command);
    cmd.addAll(List.of(more));
    int code = cluster.run(name, cmd, Map.of(), 240);
    assertEquals(0, code, name + " failed:\n" + tail(cluster.log(name)));
  }

  static String tail(Path log) throws Exception {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** A report (or model) without what may differ between runs: timings. */
  static JsonNode values(Path report) throws Exception {
    JsonNode n = new ObjectMapper().readTree(report.toFile());
    dropSeconds(n);
    // the report records the --partitions setting of its run; the runs differ in it on purpose
    if (n.get("settings") instanceof ObjectNode s) s.remove("partitions");
    return n;
  }

  /** Removes timings ("seconds", "..._ms"); the rest must match to the bit (JSON numbers keep every digit). */
  static void dropSeconds(JsonNode n) {
    if (n instanceof ObjectNode o) {
      List<String> timings = new ArrayList<>();
      o.fieldNames().forEachRemaining(f -> {
        if (f.equals("seconds") || f.endsWith("_ms")) timings.add(f);
      });
      o.remove(timings);
    }
    n.forEach(StandaloneClusterIT::dropSeconds);
  }

  /** Labels over many magnitudes, so that plain double sums would depend on the partitioning. */
  static Path writePredictions(Path file, int rows) throws Exception {
    Random r = new Random(20);
    StringBuilder b = new StringBuilder("label,prediction,w,segment\n");
    for (int i = 0; i < rows; i++) {
      double y = Math.pow(10, r.nextInt(9) - 2) * r.nextGaussian();
      double p = y + r.nextGaussian() * Math.abs(y) * 0.1 + r.nextGaussian();
      b.append(y).append(',').append(p).append(',').append(r.nextDouble() * 3).append(',').append("s").append(i % 5).append('\n');
    }
    Files.writeString(file, b.toString());
    return file;
  }
}
