package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.Cli;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.spi.OptionHandler;

/** Help texts: ours for the launcher, every option once with its default once, lines broken between words. */
class HelpTest {
  /** The help with each wrapped continuation joined back to its line. */
  static String unwrapped(String help) {
    return help.replaceAll("\n {4,}", " ");
  }

  @Test
  void theLauncherHelpListsTheCommandsAndSaysWhereSparkOptionsGo() {
    for (String flag : new String[] {"--help", "-h", "help"}) {
      Cli.Run run = Cli.run(flag);
      assertEquals(0, run.code(), run.err());
      for (String c : Main.COMMANDS.keySet()) assertTrue(run.out().contains("\n  " + c + " "), c + " in: " + run.out());
      String text = unwrapped(run.out()).replace('\n', ' ');
      assertTrue(text.contains("Options before COMMAND go to spark-submit unchanged"), text);
      assertTrue(text.contains("--verbose"), text);
      assertTrue(text.contains("--spark-help"), text);
    }
  }

  @Test
  void everyCommandsHelpShowsEachOptionWithItsDefaultOnceAndWrapsBetweenWords() {
    for (Map.Entry<String, Supplier<Command>> e : Main.COMMANDS.entrySet()) {
      Cli.Run run = Cli.run(e.getKey(), "--help");
      assertEquals(0, run.code(), run.err());
      String help = run.out();
      for (String line : help.split("\n")) assertTrue(line.length() <= Help.WIDTH, "line too long: " + line);
      String joined = unwrapped(help);
      CmdLineParser parser = new CmdLineParser(e.getValue().get(), Help.properties());
      for (OptionHandler<?> h : parser.getOptions()) {
        String name = h.option.toString();
        String line = joined.lines().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElse(null);
        assertTrue(line != null, e.getKey() + ": no line for " + name + " in\n" + help);
        assertTrue(line.contains(h.option.usage()), "usage kept whole (no word split): " + line);
        int defaults = line.split("default", -1).length - 1;
        assertTrue(defaults <= 1, "default said once: " + line);
      }
      assertTrue(joined.contains("  --verbose "), e.getKey() + " help lists --verbose");
    }
  }

  @Test
  void wrappingBreaksOnlyBetweenWords() {
    StringBuilder b = new StringBuilder();
    String text = "word ".repeat(30) + "averyveryverylongwordthatdoesnotfit".repeat(2);
    Help.wrapFrom(b, "  --x   ", "        ", text);
    for (String line : b.toString().split("\n")) {
      assertTrue(line.length() <= Help.WIDTH || !line.strip().contains(" "), line);
      for (String w : line.strip().split(" +")) {
        assertTrue(w.equals("word") || w.equals("--x") || w.equals("averyveryverylongwordthatdoesnotfit".repeat(2)), w);
      }
    }
  }
}
