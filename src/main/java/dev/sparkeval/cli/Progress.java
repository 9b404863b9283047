package dev.sparkeval.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;

/**
 * Progress of long Spark jobs on standard error: tasks done of the running stage, rows read so far
 * (finished tasks, and running ones from the executors' heartbeats) and the time, once a job has
 * run for DELAY. On a terminal one line is rewritten in place every second and cleared when the
 * job ends (as Spark's console progress bar and Keras do); otherwise (a log, a pipe) a line every
 * EVERY into a job, so that long runs show they are alive without flooding the log. Only listens: the pass
 * itself is untouched.
 */
final class Progress extends SparkListener implements AutoCloseable {
  static final long DELAY_MS = 3_000;
  static final long EVERY_MS = 30_000;
  private static final String INPUT_ROWS = "internal.metrics.input.recordsRead";
  private static final String SHUFFLE_ROWS = "internal.metrics.shuffle.read.recordsRead";

  private final PrintStream err;
  private final boolean terminal;
  private final long delayMs;
  private final long everyMs;
  private SparkContext sc;
  private ScheduledExecutorService timer;
  private final Map<Integer, int[]> stages = new java.util.TreeMap<>(); // stage -> {tasks, done}
  private final Map<Long, Long> running = new java.util.HashMap<>();    // task -> rows read so far
  private long rowsDone;
  private long jobStart;
  private int jobs;
  private long lastPrinted;
  private int width;

  Progress(PrintStream err, boolean terminal, long delayMs, long everyMs) {
    this.err = err;
    this.terminal = terminal;
    this.delayMs = delayMs;
    this.everyMs = everyMs;
  }

  /** Reports the jobs of sc on err (a terminal when the process has a console) until closed. */
  static Progress attach(SparkContext sc, PrintStream err) {
    return new Progress(err, System.console() != null, DELAY_MS, EVERY_MS).start(sc, 1000);
  }

  /** Listens to sc's jobs and reports every tickMs from a daemon thread. */
  Progress start(SparkContext context, long tickMs) {
    sc = context;
    sc.addSparkListener(this);
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sparkeval-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> tick(System.currentTimeMillis()), tickMs, tickMs, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override public void close() {
    if (timer != null) timer.shutdownNow();
    if (sc != null) sc.removeSparkListener(this);
  }

  @Override public synchronized void onJobStart(SparkListenerJobStart e) {
    if (jobs++ == 0) {
      jobStart = e.time();
      rowsDone = 0;
      running.clear();
      lastPrinted = e.time(); // in a log, the first line comes everyMs into the job, then one every everyMs
    }
  }

  @Override public synchronized void onJobEnd(SparkListenerJobEnd e) {
    if (--jobs == 0) clear();
  }

  @Override public synchronized void onStageSubmitted(SparkListenerStageSubmitted e) {
    stages.put(e.stageInfo().stageId(), new int[] {e.stageInfo().numTasks(), 0});
  }

  @Override public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
    stages.remove(e.stageInfo().stageId());
  }

  @Override public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
    int[] s = stages.get(e.stageId());
    if (s != null && e.taskInfo().successful()) s[1]++;
    running.remove(e.taskInfo().taskId());
    TaskMetrics m = e.taskMetrics();
    if (m != null && e.taskInfo().successful()) {
      rowsDone += m.inputMetrics().recordsRead() + m.shuffleReadMetrics().recordsRead();
    }
  }

  @Override public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
    scala.collection.Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> it =
        e.accumUpdates().iterator();
    while (it.hasNext()) {
      Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t = it.next();
      long rows = 0;
      scala.collection.Iterator<AccumulableInfo> acc = t._4().iterator();
      while (acc.hasNext()) {
        AccumulableInfo a = acc.next();
        String name = a.name().isDefined() ? a.name().get() : "";
        if ((name.equals(INPUT_ROWS) || name.equals(SHUFFLE_ROWS)) && a.update().isDefined()
            && a.update().get() instanceof Number n) {
          rows += n.longValue();
        }
      }
      running.put((Long) t._1(), rows);
    }
  }

  /** Waits until a job runs a stage (tests); returns the job's start time. */
  long waitForJob(long timeoutMs) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMs;
    synchronized (this) {
      while ((jobs == 0 || stages.isEmpty()) && System.currentTimeMillis() < end) wait(50);
      return jobStart;
    }
  }

  synchronized void tick(long now) {
    if (jobs == 0 || now - jobStart < delayMs) return;
    if (!terminal && now - lastPrinted < everyMs) return;
    lastPrinted = now;
    String line = line(now);
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      width = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** sparkeval: stage 3: 1/2 tasks, 612,000 rows read, 14 s */
  String line(long now) {
    StringBuilder b = new StringBuilder("sparkeval:");
    if (stages.isEmpty()) b.append(" running");
    int shown = 0;
    for (Map.Entry<Integer, int[]> s : stages.entrySet()) {
      if (shown++ > 0) b.append(';');
      b.append(String.format(Locale.ROOT, " stage %d: %d/%d tasks", s.getKey(), s.getValue()[1], s.getValue()[0]));
    }
    long rows = rowsDone;
    for (long r : running.values()) rows += r;
    if (rows > 0) b.append(String.format(Locale.ROOT, ", %,d rows read", rows));
    b.append(String.format(Locale.ROOT, ", %d s", (now - jobStart) / 1000));
    return b.toString();
  }

  private void clear() {
    if (terminal && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
    width = 0;
  }
}
