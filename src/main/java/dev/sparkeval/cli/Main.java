package dev.sparkeval.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Input;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;

/**
 * Entry point: {@code COMMAND [OPTIONS]}. Exit codes: 0 success, 2 bad usage or input, 3 a gate
 * failed, 1 anything else. Errors are one line; {@code --verbose} adds the stack trace.
 */
public final class Main {
  static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("bench", BenchCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
    COMMANDS.put("evaluate", EvaluateCommand::new);
    COMMANDS.put("generate", GenerateCommand::new);
    COMMANDS.put("history", HistoryCommand::new);
    COMMANDS.put("list", ListCommand::new);
    COMMANDS.put("predict", PredictCommand::new);
    COMMANDS.put("sql", SqlCommand::new);
    COMMANDS.put("train", TrainCommand::new);
  }

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, () -> {
      SparkSession s = session();
      Progress.attach(s.sparkContext(), System.err);
      return s;
    });
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  static SparkSession session() {
    SparkSession.Builder b = SparkSession.builder().appName("sparkeval");
    if (System.getProperty("spark.master") == null) b = b.master("local[*]"); // not started by spark-submit
    // The in-memory catalog's tables last one run: keep its folder out of the working directory.
    if (System.getProperty("spark.sql.warehouse.dir") == null && !"hive".equals(System.getProperty("spark.sql.catalogImplementation"))) {
      b = b.config("spark.sql.warehouse.dir", temporaryFolder("sparkeval-warehouse").toUri().toString());
    }
    return b.getOrCreate();
  }

  /** A fresh folder under the system's temporary folder, removed with its contents when the JVM exits. */
  static Path temporaryFolder(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
          // best effort: the folder is under the temporary folder anyway
        }
      }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one command line; used by main and by the tests (which pass their own session). */
  public static int run(String[] argv, PrintStream out, PrintStream err, Supplier<SparkSession> spark) {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    boolean verbose = args.remove("--verbose");
    String name = args.isEmpty() ? "demo" : args.remove(0);
    try {
      if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
        out.print(Help.launcher());
        return 0;
      }
      Supplier<Command> make = COMMANDS.get(name);
      if (make == null) {
        throw new UsageException("unknown command '" + name + "'" + Suggest.hint(name, COMMANDS.keySet())
            + "; commands: " + String.join(", ", COMMANDS.keySet()));
      }
      Command cmd = make.get();
      CmdLineParser parser = new CmdLineParser(cmd, Help.properties());
      if (args.contains("--help") || args.contains("-h")) {
        out.print(Help.command(name, parser));
        return 0;
      }
      try {
        parser.parseArgument(args);
      } catch (CmdLineException e) {
        throw new UsageException(name + ": " + e.getMessage() + " (see '" + name + " --help')");
      }
      Command.Context ctx = new Command.Context() {
        private SparkSession session;

        @Override public PrintStream out() {
          return out;
        }

        @Override public PrintStream err() {
          return err;
        }

        @Override public SparkSession spark() {
          if (session == null) session = spark.get();
          return session;
        }

        @Override public boolean verbose() {
          return verbose;
        }
      };
      return cmd.run(ctx);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      if (verbose) e.printStackTrace(err);
      return 2;
    } catch (GateFailure e) {
      err.println(e.getMessage());
      return 3;
    } catch (Exception | LinkageError e) {
      UsageException cause = usageCause(e);
      if (cause == null) cause = Input.unreadable(e);
      if (cause != null) {
        err.println("error: " + cause.getMessage());
        if (verbose) e.printStackTrace(err);
        return 2;
      }
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (verbose) e.printStackTrace(err);
      else err.println("(run with --verbose for the full stack trace)");
      return 1;
    }
  }

  /**
   * Runs one command in this JVM on the given session with its output captured, for Python's
   * sparkeval.train (through py4j, Classic sessions): the arguments as a JSON array; returns the
   * exit code, the standard output and the error output.
   */
  public static String[] runIn(SparkSession spark, String argsJson) throws IOException {
    List<String> args = new ObjectMapper().readValue(argsJson, new TypeReference<List<String>>() {});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = run(args.toArray(new String[0]), o, e, () -> spark);
    }
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  static UsageException usageCause(Throwable t) {
    return UsageException.causeOf(t);
  }

  /** A --gate was broken: exit code 3. */
  static final class GateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GateFailure(String message) {
      super(message);
    }
  }
}
