package dev.sparkeval.cli;

import java.io.PrintStream;

/** One command of the command line. Parsing is args4j's; the work is delegated to the engine. */
public interface Command {
  /** Runs the command; returns the exit code. Bad input is thrown as a UsageException. */
  int run(Context ctx) throws Exception;

  /** What a command gets from the launcher: output streams and a lazily started Spark session. */
  interface Context {
    PrintStream out();

    /** Warnings and progress (standard error). */
    default PrintStream err() {
      return System.err;
    }

    org.apache.spark.sql.SparkSession spark();

    /** --verbose was given: stack traces and Spark's own failure logs are wanted. */
    default boolean verbose() {
      return false;
    }
  }
}
