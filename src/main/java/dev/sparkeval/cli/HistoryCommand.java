package dev.sparkeval.cli;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HistoryRow;
import dev.sparkeval.report.ReportWriter;
import dev.sparkeval.report.Trend;
import dev.sparkeval.spark.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.args4j.Option;

/** {@code history}: the trend report of a metric history that evaluate --history (or --history-table) appended to. */
public final class HistoryCommand implements Command {
  @Option(name = "--history", metaVar = "PATH", usage = "the history folder (a Parquet table) that evaluate --history wrote")
  String history;
  @Option(name = "--history-table", metaVar = "NAME", usage = "the catalog table that evaluate --history-table appended to")
  String historyTable;
  @Option(name = "--name", metaVar = "SPEC", usage = "draw only these values (specs as written, or drift.COL.STAT); repeatable")
  List<String> names = new ArrayList<>();
  @Option(name = "--gate", metaVar = "SPEC>=X", usage = "draw this bound as a line on the value's charts; repeatable")
  List<String> gates = new ArrayList<>();
  @Option(name = "--max-slices", metaVar = "N", usage = "slices drawn per value (default 12; all are in trend.json)")
  int maxSlices = 12;
  @Option(name = "--out", metaVar = "DIR", usage = "report folder (default out/history)")
  String out = "out/history";

  @Override public int run(Context ctx) throws Exception {
    if (maxSlices < 0) throw new UsageException("--max-slices must be >= 0, got " + maxSlices);
    List<Trend.Line> lines = new ArrayList<>();
    for (Gates.Gate g : Gates.parse(gates)) {
      if (g.usesBaseline()) throw new UsageException("--gate '" + g.text() + "': a trend line needs a fixed bound, as in auc_roc>=0.8");
      lines.add(new Trend.Line(g.spec(), g.atLeast(), g.operand()));
    }
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    String source = history != null ? history : historyTable;
    List<HistoryRow> rows = History.collect(History.read(ctx.spark(), history, historyTable),
        history != null ? "--history '" + history + "'" : "--history-table '" + historyTable + "'");
    if (rows.isEmpty()) throw new UsageException("the history " + source + " has no rows yet; run evaluate --history first");
    if (!names.isEmpty()) {
      List<String> known = rows.stream().map(HistoryRow::name).distinct().toList();
      for (String n : names) {
        if (!known.contains(n)) throw new UsageException("--name '" + n + "' is not in the history; it has: " + String.join(", ", known));
      }
      rows = rows.stream().filter(r -> names.contains(r.name())).toList();
    }
    Trend trend = Trend.of(source, rows, lines);
    ReportWriter.writeTrend(outDir, trend, maxSlices);
    ctx.out().println("history " + source + ": " + trend.runs().size() + " runs, " + trend.series().size() + " series");
    ctx.out().println("trend: " + outDir.resolve("trend.json"));
    ctx.out().println("html trend: " + outDir.resolve("trend.html"));
    return 0;
  }
}
