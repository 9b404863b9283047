package dev.sparkeval.cli;

import dev.sparkeval.bench.Bench;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.io.AtomicFiles;
import dev.sparkeval.report.ReportJson;
import java.nio.file.Path;
import java.util.Map;
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
  @Option(name = "--scaling", metaVar = "M1,M2,...", usage = "also time the suite at these sizes, in millions of rows (e.g. 1,2,4,8,16); writes scaling.svg")
  String scaling;
  @Option(name = "--ranking", metaVar = "QUERIES", usage = "also time ranking against MLlib's RankingEvaluator on this many"
      + " queries of --items items (e.g. 1000000); with --only-ranking, nothing else")
  long rankingQueries;
  @Option(name = "--items", metaVar = "N", usage = "items per query of the ranking bench (default 20)")
  int items = 20;
  @Option(name = "--only-ranking", usage = "run the ranking part alone (needs --ranking)")
  boolean onlyRanking;
  @Option(name = "--out", metaVar = "DIR", usage = "where bench.json goes (default out/bench)")
  String out = "out/bench";

  @Override public int run(Context ctx) throws Exception {
    if (rows < 1000) throw new UsageException("--rows must be >= 1000, got " + rows);
    if (partitions < 1) throw new UsageException("--partitions must be >= 1, got " + partitions);
    if (reps < 1) throw new UsageException("--reps must be >= 1, got " + reps);
    if (bins < 2) throw new UsageException("--bins must be >= 2, got " + bins);
    Path dir = Path.of(out);
    Outputs.checkWritable(dir);
    if (rankingQueries < 0 || (rankingQueries > 0 && rankingQueries < 100)) {
      throw new UsageException("--ranking takes a number of queries >= 100, got " + rankingQueries);
    }
    if (items < 1) throw new UsageException("--items must be >= 1, got " + items);
    if (onlyRanking && rankingQueries == 0) throw new UsageException("--only-ranking needs --ranking QUERIES");
    Bench b = new Bench(ctx.spark(), rows, partitions, reps, ctx.out());
    if (!onlyRanking) {
      b.binary(bins);
      b.iteration(20, 0.001);
      b.regression();
    }
    if (rankingQueries > 0) b.ranking(rankingQueries, items);
    String svg = null;
    if (scaling != null) {
      java.util.List<Long> sizes = new java.util.ArrayList<>();
      for (String m : scaling.split(",")) {
        try {
          sizes.add(Math.round(Double.parseDouble(m.trim()) * 1e6));
        } catch (NumberFormatException e) {
          throw new UsageException("--scaling takes millions of rows separated by commas, as in 1,2,4; got '" + m + "'");
        }
      }
      svg = b.scaling(sizes, bins);
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
}
