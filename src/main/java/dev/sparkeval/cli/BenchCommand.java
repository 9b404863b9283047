package dev.sparkeval.cli;

import dev.sparkeval.bench.Bench;
import dev.sparkeval.bench.SqlBench;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.io.AtomicFiles;
import dev.sparkeval.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.args4j.Option;

/** {@code bench}: times sparkeval against MLlib on the same data in the same run; writes bench.json. */
public final class BenchCommand implements Command {
  @Option(name = "--rows", metaVar = "N", usage = "rows per table (default 2000000)")
  long rows = 2_000_000;
  @Option(name = "--partitions", metaVar = "P", usage = "partitions of the cached tables (default 8)")
  int partitions = 8;
  @Option(name = "--reps", metaVar = "R", usage = "timed repetitions per figure after one warm-up (default 5)")
  int reps = 5;
  @Option(name = "--bins", metaVar = "N", usage = "score bins of the one-pass AUC in the fused suite (default 4096)")
  int bins = 4096;
  @Option(name = "--sql-rows", metaVar = "N", usage = "rows of the table timed against hand-written Spark SQL, cached and as parquet (default 20000000; 0 skips it)")
  long sqlRows = 20_000_000;
  @Option(name = "--scaling", metaVar = "M1,M2,...", usage = "also time the binary suite and a bare scan of its columns at these sizes, in millions of rows (e.g. 1,2,4,8,16), cached and as parquet; writes scaling.svg")
  String scaling;
  @Option(name = "--sections", metaVar = "S1,S2,...", usage = "what to time: mllib (the MLlib comparisons), sql (against hand-written SQL), scaling,"
      + " ranking (needs --ranking); default all")
  String sections = "mllib,sql,scaling,ranking";
  @Option(name = "--ranking", metaVar = "QUERIES", usage = "also time ranking against MLlib's RankingEvaluator on this many"
      + " queries of --items items (e.g. 1000000); --sections ranking times nothing else")
  long rankingQueries;
  @Option(name = "--items", metaVar = "N", usage = "items per query of the ranking bench (default 20)")
  int items = 20;
  @Option(name = "--work", metaVar = "DIR", usage = "where the parquet tables go while the bench runs (default: a temporary folder, deleted at the end)")
  String work;
  @Option(name = "--out", metaVar = "DIR", usage = "where bench.json goes (default out/bench)")
  String out = "out/bench";

  @Override public int run(Context ctx) throws Exception {
    if (rows < 1000) throw new UsageException("--rows must be >= 1000, got " + rows);
    if (partitions < 1) throw new UsageException("--partitions must be >= 1, got " + partitions);
    if (reps < 1) throw new UsageException("--reps must be >= 1, got " + reps);
    if (bins < 2) throw new UsageException("--bins must be >= 2, got " + bins);
    if (sqlRows < 0) throw new UsageException("--sql-rows must be >= 0, got " + sqlRows);
    Set<String> only = sections();
    List<Long> sizes = sizes();
    Path dir = Path.of(out);
    Outputs.checkWritable(dir);
    if (rankingQueries < 0 || (rankingQueries > 0 && rankingQueries < 100)) {
      throw new UsageException("--ranking takes a number of queries >= 100, got " + rankingQueries);
    }
    if (items < 1) throw new UsageException("--items must be >= 1, got " + items);
    if (only.equals(Set.of("ranking")) && rankingQueries == 0) throw new UsageException("--sections ranking needs --ranking QUERIES");
    Path tables = work != null ? Path.of(work) : Files.createTempDirectory("sparkeval-bench");
    Bench b = new Bench(ctx.spark(), rows, partitions, reps, ctx.out());
    SqlBench sql = new SqlBench(ctx.spark(), partitions, reps, tables, ctx.out());
    String svg = null;
    try {
      if (only.contains("mllib")) {
        b.binary(bins);
        b.iteration(20, 0.001);
        b.regression();
      }
      if (only.contains("sql") && sqlRows > 0) b.result().put("sql", sql.run(sqlRows));
      if (only.contains("scaling") && sizes != null) {
        b.result().put("scaling", sql.scaling(sizes, bins));
        svg = sql.chart();
      }
      if (only.contains("ranking") && rankingQueries > 0) b.ranking(rankingQueries, items);
    } finally {
      if (work == null) deleteTree(tables);
    }
    Map<String, Double> ratios = b.ratios();
    ctx.out().println("ratios");
    ratios.forEach((k, v) -> ctx.out().printf("  %-32s %8.2f%n", k, v));
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("bench.json", ReportJson.of(b.result()));
    if (svg != null) files.put("scaling.svg", svg);
    AtomicFiles.write(dir, files);
    ctx.out().println("bench: " + dir.resolve("bench.json"));
    return 0;
  }

  private Set<String> sections() {
    Set<String> s = new LinkedHashSet<>();
    for (String x : sections.split(",")) {
      String t = x.trim();
      if (!List.of("mllib", "sql", "scaling", "ranking").contains(t)) {
        throw new UsageException("--sections takes mllib, sql, scaling and ranking separated by commas; got '" + t + "'");
      }
      s.add(t);
    }
    return s;
  }

  private List<Long> sizes() {
    if (scaling == null) return null;
    List<Long> sizes = new ArrayList<>();
    for (String m : scaling.split(",")) {
      try {
        sizes.add(Math.round(Double.parseDouble(m.trim()) * 1e6));
      } catch (NumberFormatException e) {
        throw new UsageException("--scaling takes millions of rows separated by commas, as in 1,2,4; got '" + m + "'");
      }
    }
    if (sizes.size() < 2) throw new UsageException("--scaling needs at least two sizes to fit a slope, got '" + scaling + "'");
    return sizes;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) return;
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
