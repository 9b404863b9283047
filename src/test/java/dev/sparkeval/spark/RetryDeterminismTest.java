package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spark re-runs failed tasks; a side-effect-free aggregator gives the same bits whether or not
 * attempts failed half-way (nothing is counted twice). Runs RetryProbe in a JVM of its own,
 * because the shared test session cannot retry tasks.
 */
class RetryDeterminismTest {
  @Test
  void failedTaskAttemptsChangeNoBit() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-") || a.startsWith("-XX:+Ignore") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), RetryProbe.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, String> out = new HashMap<>();
    StringBuilder all = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        all.append(line).append('\n');
        int sp = line.indexOf(' ');
        if (sp > 0) out.put(line.substring(0, sp), line.substring(sp + 1));
      }
    }
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), all.toString());
    assertTrue(Integer.parseInt(out.get("FAILED_TASKS")) >= 2, "faults were injected: " + out.get("FAILED_TASKS"));
    assertEquals(out.get("CLEAN"), out.get("DISTURBED"));
  }
}
