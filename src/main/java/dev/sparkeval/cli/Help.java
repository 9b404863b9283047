package dev.sparkeval.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.ParserProperties;
import org.kohsuke.args4j.spi.OptionHandler;

/**
 * The help texts: the launcher's (commands and where Spark's options go) and each command's
 * options in the order they are declared, wrapped at word boundaries, each default said once.
 */
final class Help {
  static final int WIDTH = 100;
  /** One line per command, in the order of {@link Main#COMMANDS}. */
  static final Map<String, String> ABOUT = new LinkedHashMap<>();

  static {
    ABOUT.put("bench", "times sparkeval against MLlib on the same data in the same run");
    ABOUT.put("demo", "fits models on the bundled data, evaluates them, trains one; writes every report (the default)");
    ABOUT.put("evaluate", "losses and metrics over a prediction table, one pass, overall and per slice");
    ABOUT.put("generate", "synthetic prediction tables or training sets of any size");
    ABOUT.put("history", "the trend of each value in a metric history: trend.json and trend.html");
    ABOUT.put("list", "every loss and metric with its parameters, defaults and tasks");
    ABOUT.put("predict", "scores a table with a model.json written by train");
    ABOUT.put("sql", "Spark SQL with every loss and metric as an aggregate function");
    ABOUT.put("train", "the distributed mini-batch gradient loop: model.json, history, report");
  }

  private Help() {}

  static ParserProperties properties() {
    return ParserProperties.defaults().withUsageWidth(WIDTH).withShowDefaults(false).withOptionSorter(null);
  }

  static String launcher() {
    StringBuilder b = new StringBuilder();
    b.append("usage: ./submit.sh [SPARK-SUBMIT OPTIONS] COMMAND [OPTIONS]\n\n");
    b.append("commands:\n");
    ABOUT.forEach((name, about) -> wrapFrom(b, String.format("  %-10s ", name), " ".repeat(13), about));
    b.append("\n");
    wrap(b, "", "Options before COMMAND go to spark-submit unchanged (default --master local[*]): "
        + "--master URL, --conf KEY=VALUE, --driver-memory 4g, --executor-memory 4g, --jars, --packages, ... "
        + "(./submit.sh --spark-help lists them all). Options after COMMAND are sparkeval's: "
        + "./submit.sh COMMAND --help lists them.");
    b.append("\n");
    wrap(b, "", "Any command also takes --verbose: on an error, print the stack trace too.");
    wrap(b, "", "Exit codes: 0 success, 2 bad usage or bad input (one line naming what is wrong), 3 a --gate failed, "
        + "1 anything else.");
    return b.toString();
  }

  static String command(String name, CmdLineParser parser) {
    StringBuilder b = new StringBuilder();
    StringBuilder line = new StringBuilder("usage: ./submit.sh [SPARK-SUBMIT OPTIONS] " + name + " [OPTIONS]");
    for (OptionHandler<?> a : parser.getArguments()) line.append(' ').append(a.getNameAndMeta(null, properties()));
    b.append(line).append('\n');
    wrap(b, "", ABOUT.getOrDefault(name, ""));
    b.append('\n');
    List<String[]> rows = new ArrayList<>();
    for (OptionHandler<?> h : parser.getArguments()) rows.add(new String[] {h.getNameAndMeta(null, properties()), text(h)});
    for (OptionHandler<?> h : parser.getOptions()) {
      if (!h.option.hidden()) rows.add(new String[] {h.getNameAndMeta(null, properties()), text(h)});
    }
    rows.add(new String[] {"--verbose", "on an error, also print the stack trace"});
    rows.add(new String[] {"--help", "this help"});
    int col = 0;
    for (String[] r : rows) col = Math.max(col, r[0].length());
    col = Math.min(col, 28);
    for (String[] r : rows) {
      String head = "  " + r[0];
      String indent = " ".repeat(col + 4);
      if (head.length() > col + 3) {
        b.append(head).append('\n');
        wrap(b, indent, r[1]);
      } else {
        String first = head + " ".repeat(col + 4 - head.length());
        wrapFrom(b, first, indent, r[1]);
      }
    }
    return b.toString();
  }

  /** The usage text, plus the default when the text does not say it and it means something. */
  static String text(OptionHandler<?> h) {
    String usage = h.option.usage();
    if (h.option.required()) usage += " (required)";
    if (usage.contains("default") || h.option.isArgument()) return usage;
    String d;
    try {
      d = h.printDefaultValue();
    } catch (RuntimeException e) { // args4j cannot read every field's default; the text then stands alone
      d = null;
    }
    if (d == null || d.isEmpty() || d.equals("false") || d.equals("[]") || d.matches("0(\\.0)?")) return usage;
    return usage + " (default " + d + ")";
  }

  static void wrap(StringBuilder b, String indent, String text) {
    wrapFrom(b, indent, indent, text);
  }

  /** Appends text after first, breaking lines only between words; later lines start with indent. */
  static void wrapFrom(StringBuilder b, String first, String indent, String text) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" +")) {
      if (word.isEmpty()) continue;
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        b.append(line).append('\n');
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) line.append(' ');
      line.append(word);
      empty = false;
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }
}
