package dev.sparkeval.spark.eval;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.drift.Drift;
import dev.sparkeval.drift.DriftFinish;
import dev.sparkeval.drift.DriftWalk;
import dev.sparkeval.state.OrderKeys;
import dev.sparkeval.state.OrderWalk;
import dev.sparkeval.state.PosNeg;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Drift of columns between the current table and a reference, overall and per slice, in two Spark
 * jobs that read only the drift, weight and slice columns of both tables: a scan that builds each
 * (slice, column)'s {@link DriftLayouts layout}, and one sort job, as exact AUC's: the layouts give
 * the range partitioning and the exact weight before every unit, every range is sorted by value and
 * walked by {@link DriftWalk}, and the pieces come back in order (no value reaches the driver).
 */
public final class DriftJob {
  /** Bins of the overall histogram drawn in report.html. */
  static final int HISTOGRAM_BINS = 40;

  private DriftJob() {}

  /** What to compare: the drift columns, the weight column (or null) and slice columns, as both tables name them. */
  public record Request(List<String> columns, String weight, List<String> slices, String binaryScore, boolean skipBadRows,
                        int maxSlices) {}

  /** Drift per column, overall and for each requested slice key. */
  public record Result(Map<String, Drift> overall, Map<List<String>, Map<String, Drift>> slices) {}

  /**
   * What the executors need: the order job's table (units and each group's walker), the group of
   * each (set, column), and the set of each slice key.
   */
  record Table(OrderJob.Table order, int[][] group, Map<List<String>, Integer> sliceSet, int sliceCount, int columns)
      implements Serializable {
    OrderUnits units() {
      return order.units();
    }
  }

  /**
   * Both tables projected to the drift columns and united: every column is checked here (present
   * in both tables, numeric), so a caller can do it before any pass.
   */
  public static Dataset<Row> union(Dataset<Row> current, Dataset<Row> reference, Request q) {
    return DriftInput.project(current, "the current table", DriftInput.CURRENT, q.columns(), q.weight(), q.slices(), q.binaryScore())
        .union(DriftInput.project(reference, "the --reference table", DriftInput.REFERENCE, q.columns(), q.weight(), q.slices(), q.binaryScore()));
  }

  /** The drift of every column overall and in each of sliceKeys (the slice columns' values, in order). */
  public static Result run(Dataset<Row> union, Request q, List<List<String>> sliceKeys) {
    int m = q.slices().size();
    int k = q.columns().size();
    DriftLayouts scan = DriftLayouts.scan(union, m, k, q.maxSlices());
    check(scan, q);
    List<DriftLayouts.Cell[]> sets = new ArrayList<>();
    sets.add(scan.overall());
    Map<List<String>, Integer> sliceSet = new HashMap<>();
    for (List<String> key : sliceKeys) {
      DriftLayouts.Cell[] cells = scan.slices.get(key);
      if (cells == null) continue;
      sliceSet.put(key, sets.size());
      sets.add(cells);
    }
    OrderUnits units = new OrderUnits();
    int[][] group = new int[sets.size()][k];
    List<OrderWalk.Walker[]> walkers = new ArrayList<>();
    List<DriftWalk.Config> configs = new ArrayList<>();
    Drift[][] done = new Drift[sets.size()][k];
    DriftLayouts.Cell[] all = sets.get(0);
    for (int si = 0; si < sets.size(); si++) {
      for (int c = 0; c < k; c++) {
        DriftLayouts.Cell cell = sets.get(si)[c];
        group[si][c] = -1;
        PosNeg total = cell.layout.total();
        if (cell.rows[0] == 0 || cell.rows[1] == 0 || total.pos() == 0 || total.neg() == 0) {
          done[si][c] = DriftFinish.finish(List.of(), DriftWalk.Config.of(total, 0, 0, 0), rows(cell), missing(cell));
          continue;
        }
        double lo = Math.min(all[c].min[0], all[c].min[1]);
        double hi = Math.max(all[c].max[0], all[c].max[1]);
        DriftWalk.Config config = DriftWalk.Config.of(total, lo, hi, si == 0 ? HISTOGRAM_BINS : 0);
        group[si][c] = units.add(cell.layout, false);
        walkers.add(new OrderWalk.Walker[] {DriftWalk.walker(config)});
        configs.add(config);
      }
    }
    OrderJob.Table order = new OrderJob.Table(List.of(), new int[0][0], new int[0][0], units, walkers);
    if (units.units() > 0) sort(union, new Table(order, group, sliceSet, m, k), sets, configs, done);
    Map<String, Drift> overall = byColumn(q, done[0]);
    Map<List<String>, Map<String, Drift>> slices = new LinkedHashMap<>();
    for (List<String> key : sliceKeys) {
      Integer si = sliceSet.get(key);
      if (si == null) {
        Map<String, Drift> none = new LinkedHashMap<>();
        for (String col : q.columns()) {
          none.put(col, Drift.undefined(new Drift.Sides(0, 0), new Drift.Sides(0, 0), "neither table has a usable row in this slice"));
        }
        slices.put(key, none);
      } else {
        Map<String, Drift> m2 = byColumn(q, done[si]);
        m2.replaceAll((col, d) -> d.withoutHistogram());
        slices.put(key, m2);
      }
    }
    return new Result(overall, slices);
  }

  private static void check(DriftLayouts scan, Request q) {
    if (scan.overflow) {
      throw new UsageException("--slice " + String.join(",", q.slices()) + " has more than " + q.maxSlices()
          + " distinct values in the current and --reference tables together; slice by columns with fewer values (or raise --max-slices)");
    }
    if (!q.skipBadRows()) {
      for (int side : new int[] {DriftInput.REFERENCE, DriftInput.CURRENT}) {
        long n = scan.badWeights[side];
        if (n == 0) continue;
        String table = side == DriftInput.REFERENCE ? "the --reference table" : "the current table";
        throw new UsageException(table + " has " + n + " row" + (n == 1 ? "" : "s") + " whose weight '" + q.weight() + "' is "
            + "null, NaN, infinite or negative (one is " + scan.firstBad[side] + "); fix them, or pass --bad-rows skip to leave them out");
      }
    }
  }

  private static Map<String, Drift> byColumn(Request q, Drift[] drifts) {
    Map<String, Drift> out = new LinkedHashMap<>();
    for (int c = 0; c < drifts.length; c++) out.put(q.columns().get(c), drifts[c]);
    return out;
  }

  private static Drift.Sides rows(DriftLayouts.Cell cell) {
    return new Drift.Sides(cell.rows[DriftInput.CURRENT], cell.rows[DriftInput.REFERENCE]);
  }

  private static Drift.Sides missing(DriftLayouts.Cell cell) {
    return new Drift.Sides(cell.missing[DriftInput.CURRENT], cell.missing[DriftInput.REFERENCE]);
  }

  /** The sort job: records of every usable value, sorted by unit and value, walked piece by piece. */
  private static void sort(Dataset<Row> union, Table table, List<DriftLayouts.Cell[]> sets, List<DriftWalk.Config> configs,
                           Drift[][] done) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(union.sparkSession().sparkContext());
    Broadcast<Table> shared = jsc.broadcast(table);
    try {
      long[] rows = table.units().rowsPerUnit();
      List<OrderJob.Result> pieces = OrderShuffle.sorted(records(union, shared),
              OrderShuffle.starts(rows, OrderShuffle.ranges(union, rows)), jsc.getConf())
          .toJavaRDD().mapPartitions(it -> OrderJob.walk(it, shared.value().order())).collect();
      Map<Integer, List<OrderJob.Result>> byGroup = new HashMap<>();
      for (OrderJob.Result p : pieces) byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
      for (int si = 0; si < sets.size(); si++) {
        for (int c = 0; c < table.columns(); c++) {
          int g = table.group()[si][c];
          if (g < 0) continue;
          List<DriftWalk> walks = new ArrayList<>();
          byGroup.getOrDefault(g, List.of()).stream().sorted(Comparator.comparingInt(OrderJob.Result::firstUnit))
              .forEach(p -> walks.add((DriftWalk) p.walk()));
          DriftLayouts.Cell cell = sets.get(si)[c];
          done[si][c] = DriftFinish.finish(walks, configs.get(g), rows(cell), missing(cell));
        }
      }
    } finally {
      shared.destroy();
    }
  }

  /** Every usable value of the union as ({unit, value key}, {side, weight}), in its slice's set and the overall one. */
  private static org.apache.spark.rdd.RDD<Tuple2<long[], double[]>> records(Dataset<Row> union, Broadcast<Table> shared) {
    return union.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
      Table t = shared.value();
      RowReader keys = new RowReader(List.of(), List.of(), t.sliceCount());
      int m = t.sliceCount();
      return new OrderShuffle.Buffered() {
        @Override void fill(List<Tuple2<long[], double[]>> out) {
          while (out.isEmpty() && it.hasNext()) {
            InternalRow row = it.next();
            double w = DriftLayouts.weight(row, m);
            if (Double.isNaN(w)) continue; // refused or skipped after the scan
            Integer slice = keys.sliced() ? t.sliceSet().get(keys.sliceKey(row)) : null;
            double side = row.getInt(m);
            for (int c = 0; c < t.columns(); c++) {
              double v = DriftLayouts.value(row, m, c);
              if (!Double.isFinite(v)) continue;
              long key = OrderKeys.ascending(v + 0.0);
              for (int si : slice == null ? new int[] {0} : new int[] {0, slice}) {
                int g = t.group()[si][c];
                if (g >= 0) out.add(new Tuple2<>(new long[] {t.units().unit(g, key), key}, new double[] {side, w}));
              }
            }
          }
        }
      };
    }).rdd();
  }
}
