package dev.sparkeval.bench;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The executors' CPU time so far (Spark's task metric executorCpuTime, summed over finished
 * tasks): on a machine shared with other work, CPU time is disturbed less than wall time.
 * Task-end events arrive asynchronously, so a reading first waits for the listener bus to drain.
 */
final class ExecutorCpu extends SparkListener implements LongSupplier {
  private final AtomicLong nanos = new AtomicLong();
  private final SparkContext sc;

  ExecutorCpu(SparkContext sc) {
    this.sc = sc;
    sc.addSparkListener(this);
  }

  @Override public void onTaskEnd(SparkListenerTaskEnd e) {
    if (e.taskMetrics() != null) nanos.addAndGet(e.taskMetrics().executorCpuTime());
  }

  @Override public long getAsLong() {
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      // a busy bus: the reading may miss the last tasks, as a wall clock would not
    }
    return nanos.get();
  }

  void stop() {
    sc.removeSparkListener(this);
  }
}
