package dev.sparkeval.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences, while open, the loggers through which Spark reports a failed task (the executor's
 * ERROR with the stack trace, the scheduler's WARN and ERROR lines): a bad row found by a SQL
 * aggregate fails its task, and the command prints that failure itself as one line.
 */
final class QuietTaskFailures implements AutoCloseable {
  static final List<String> LOGGERS = List.of("org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
      "org.apache.spark.scheduler.TaskSchedulerImpl");
  private final Map<String, Level> saved = new LinkedHashMap<>();

  QuietTaskFailures(boolean verbose) {
    if (verbose) return;
    for (String name : LOGGERS) {
      saved.put(name, LogManager.getLogger(name).getLevel());
      Configurator.setLevel(name, Level.OFF);
    }
  }

  @Override public void close() {
    saved.forEach(Configurator::setLevel);
  }
}
