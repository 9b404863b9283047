package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.SparkTests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Long jobs report tasks, rows and time on standard error: on a terminal one line rewritten in
 * place and cleared at the end, in a log a line at most every so often. The clock is the test's
 * (ticks with chosen times while a real job waits on a latch), so nothing depends on timing.
 */
class ProgressTest {
  /** Holds the job's tasks until the ticks are done (local mode: the tasks run in this JVM). */
  static volatile CountDownLatch release;

  static String run(boolean terminal) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = new Progress(err, terminal, 3_000, 30_000).start(SparkTests.spark().sparkContext(), 3_600_000)) {
      release = new CountDownLatch(1);
      CompletableFuture<Void> job = CompletableFuture.runAsync(() -> SparkTests.spark().range(0, 4, 1, 2).javaRDD()
          .foreach(x -> ProgressTest.release.await(60, TimeUnit.SECONDS)));
      long start = p.waitForJob(60_000);
      p.tick(start + 1_000);                            // too early: nothing
      p.tick(start + 3_500);                            // terminal: shown; log: not yet
      p.tick(start + 30_500);                           // terminal: rewritten; log: the first line
      p.tick(start + 45_000);                           // terminal: rewritten; log: not yet again
      p.tick(start + 60_600);                           // log: the second line
      release.countDown();
      job.get(60, TimeUnit.SECONDS);
      SparkTests.spark().sparkContext().listenerBus().waitUntilEmpty();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalGetsOneLineRewrittenAndClearedALogAFewLines() throws Exception {
    String tty = run(true);
    assertTrue(tty.startsWith("\rsparkeval: stage "), tty);
    assertEquals(4, tty.split("\rsparkeval: ", -1).length - 1, "four ticks after the delay: " + tty);
    assertTrue(tty.contains("0/2 tasks, 3 s") && tty.contains("0/2 tasks, 60 s"), tty);
    assertTrue(tty.endsWith("\r") && tty.substring(tty.lastIndexOf("sparkeval")).contains("\r "), "cleared at the end: " + tty);
    assertTrue(!tty.contains("\n"), "never a new line on a terminal: " + tty);
    String log = run(false);
    assertEquals(2, log.lines().count(), "at 30 s and 60 s, not at 3.5 s or 45 s: " + log);
    assertTrue(log.lines().allMatch(l -> l.matches("sparkeval: stage \\d+: 0/2 tasks, (30|60) s")), log);
  }
}
