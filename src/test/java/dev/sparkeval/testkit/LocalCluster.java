package dev.sparkeval.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on this machine: a SPARK_HOME-shaped folder whose jars/ links
 * every Spark runtime jar Maven resolved, a Master and workers as separate JVMs on 127.0.0.1
 * (web UIs on loopback too), and a stop that ends every process it started by PID.
 */
public final class LocalCluster implements AutoCloseable {
  private final Path home;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private int port;
  private int uiPort;

  /** Builds {@code home} (bin/spark-submit, conf/ from {@code confDir}, jars/) from a class path file of Spark's runtime jars. */
  public LocalCluster(Path home, Path classpathFile, Path confDir) throws IOException {
    this.home = home.toAbsolutePath();
    this.logs = this.home.resolve("logs");
    Path jars = this.home.resolve("jars");
    Files.createDirectories(jars);
    Files.createDirectories(logs);
    Files.createDirectories(this.home.resolve("bin"));
    Files.createDirectories(this.home.resolve("conf"));
    String cp = Files.readString(classpathFile).trim();
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, jar);
    }
    Path submit = this.home.resolve("bin/spark-submit");
    try (var in = LocalCluster.class.getResourceAsStream("/cluster/spark-submit")) {
      Files.copy(in, submit, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String f : List.of("log4j2.properties", "spark-defaults.conf")) {
      Files.copy(confDir.resolve(f), this.home.resolve("conf").resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public Path home() {
    return home;
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /** Starts the Master and {@code workers} workers (1 core, 1g each) and waits until all have registered. */
  public void start(int workers, long timeoutSeconds) throws Exception {
    port = freePort();
    uiPort = freePort();
    processes.add(launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(uiPort)));
    for (int i = 1; i <= workers; i++) {
      Path work = home.resolve("work/worker" + i);
      Files.createDirectories(work);
      processes.add(launch("worker" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
          "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(), masterUrl()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (aliveWorkers() < workers) {
      for (Process p : processes) {
        if (!p.isAlive()) throw new IllegalStateException("a cluster process exited early; see " + logs);
      }
      if (System.nanoTime() > deadline) throw new IllegalStateException("workers did not register in time; see " + logs);
      Thread.sleep(500);
    }
  }

  /** The environment every cluster JVM and spark-submit runs with. */
  public Map<String, String> env() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_CONF_DIR", home.resolve("conf").toString());
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.addAll(List.of("-Xmx512m", "-cp", home.resolve("conf") + ":" + home.resolve("jars") + "/*", mainClass));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().putAll(env());
    return pb.start();
  }

  /** The number of ALIVE workers, from the Master's JSON page (0 while it is not up). */
  private int aliveWorkers() {
    return state().path("aliveworkers").asInt(0);
  }

  /** The names of the applications that ran on this cluster and finished. */
  public List<String> completedApps() {
    List<String> names = new ArrayList<>();
    state().path("completedapps").forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  /** The Master's state as its web UI serves it in JSON; empty while it is not up. */
  private com.fasterxml.jackson.databind.JsonNode state() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + uiPort + "/json/").toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(2000);
      try (var in = c.getInputStream()) {
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      }
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  /** Runs a command (with the cluster's environment) to the end, output to a log; returns the exit code. */
  public int run(String name, List<String> cmd, Map<String, String> extraEnv, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().putAll(env());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    processes.add(p);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      stop(p);
      throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s; see " + log(name));
    }
    return p.exitValue();
  }

  /** Starts a command (with the cluster's environment) without waiting; output to a log; stopped by close(). */
  public Process startJob(String name, List<String> cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().putAll(env());
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** The executor JVMs that the Workers launched and that are alive now. */
  public List<ProcessHandle> executors() {
    String jars = home.resolve("jars").toString(); // executors of this cluster run from its jars/
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(h -> {
      String c = h.info().commandLine().orElse("");
      return c.contains("CoarseGrainedExecutorBackend") && c.contains(jars);
    }).toList();
  }

  public Path log(String name) {
    return logs.resolve(name + ".log");
  }

  /** Stops every process this cluster started, and their children (executors), by PID: TERM first, then KILL. */
  @Override public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) stop(processes.get(i));
    processes.clear();
  }

  private static void stop(Process p) {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    for (ProcessHandle c : children) c.destroy();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    for (ProcessHandle c : children) if (c.isAlive()) c.destroyForcibly();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
