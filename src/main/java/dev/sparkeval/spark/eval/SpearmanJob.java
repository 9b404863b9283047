package dev.sparkeval.spark.eval;

import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.OrderKeys;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankMoments;
import dev.sparkeval.state.SpearmanStat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Spearman's correlation in one job of two sorts. A row's mid-rank needs the total weight of its
 * tie group before the group's rows go by, so every row enters a sort twice: as a total record
 * (tag 0) and as itself (tag 1); tag 0 sorts first among equal values, so the walk sums a group's
 * weight, then ranks its rows, holding nothing but the running sums. Sort 1 orders by label and
 * sends each row on with its label rank; sort 2 orders by prediction, ranks again and sums the
 * exact {@link RankMoments}. Units and exact offsets come from the pass's layouts, as in {@link OrderJob}.
 */
final class SpearmanJob {
  private SpearmanJob() {}

  record Table(int[] labelGroup, int[] predictionGroup, int[] setOfLabelGroup, OrderUnits labels,
               OrderUnits predictions) implements Serializable {}

  static void complete(Dataset<Row> projected, RowReader reader, RowRule rule, List<StatSet> sets,
                       Map<List<String>, Integer> sliceIndex, SpearmanStat proto) {
    int[] lg = new int[sets.size()], pg = new int[sets.size()];
    List<Integer> setOf = new ArrayList<>();
    OrderUnits labels = new OrderUnits(), predictions = new OrderUnits();
    for (int si = 0; si < sets.size(); si++) {
      SpearmanStat s = sets.get(si).get(proto);
      lg[si] = labels.add(s.labels(), false);
      pg[si] = predictions.add(s.predictions(), false);
      setOf.add(si);
    }
    if (labels.units() == 0) return;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(projected.sparkSession().sparkContext());
    Broadcast<Table> table = jsc.broadcast(new Table(lg, pg, setOf.stream().mapToInt(Integer::intValue).toArray(), labels,
        predictions));
    try {
      OrderShuffle.Emitter byLabel = (e, inSets, out) -> {
        Table t = table.value();
        long bits = OrderKeys.ascending(e.label + 0.0);
        for (int si : inSets) {
          long unit = t.labels().unit(t.labelGroup()[si], bits);
          out.add(new Tuple2<>(new long[] {unit, bits, 0}, new double[] {e.weight}));
          out.add(new Tuple2<>(new long[] {unit, bits, 1}, new double[] {e.weight, e.prediction + 0.0}));
        }
      };
      long[] byY = labels.rowsPerUnit(), byP = predictions.rowsPerUnit();
      RDD<Tuple2<long[], double[]>> first = OrderShuffle.sorted(OrderShuffle.records(projected, reader, rule, sliceIndex, byLabel),
          OrderShuffle.starts(byY, OrderShuffle.ranges(projected, byY)), jsc.getConf());
      RDD<Tuple2<long[], double[]>> ranked = first.toJavaRDD().mapPartitions(it -> new LabelRanks(it, table.value())).rdd();
      List<Tuple2<Integer, RankMoments>> parts = OrderShuffle.sorted(ranked,
              OrderShuffle.starts(byP, OrderShuffle.ranges(projected, byP)), jsc.getConf())
          .toJavaRDD().mapPartitions(it -> moments(it, table.value())).collect();
      Map<Integer, RankMoments> bySet = new HashMap<>();
      for (Tuple2<Integer, RankMoments> t : parts) bySet.computeIfAbsent(t._1(), x -> new RankMoments()).merge(t._2());
      for (int si = 0; si < sets.size(); si++) sets.get(si).get(proto).complete(bySet.getOrDefault(si, new RankMoments()));
    } finally {
      table.destroy();
    }
  }

  /** A walk over sorted records of one sort: tie groups, their total weight, and the rank of their rows. */
  abstract static class Ranker {
    private final OrderUnits units;
    private int unit = -1, group = -1;
    private long bits;
    private PosNeg below, tie;
    private double rank = Double.NaN;

    Ranker(OrderUnits units) { this.units = units; }

    /** Feeds one record; returns the rank of a row record (tag 1), NaN for a total record. */
    double rank(long[] k, double w) {
      if (k[0] != unit || k[1] != bits) {
        int g = units.group((int) k[0]);
        if (g != group) {
          below = units.before((int) k[0]).copy();
          group = g;
        } else {
          below.merge(tie);
        }
        unit = (int) k[0];
        bits = k[1];
        tie = new PosNeg();
        rank = Double.NaN;
      }
      if (k[2] == 0) {
        tie.add(true, w);
        return Double.NaN;
      }
      if (Double.isNaN(rank)) rank = SpearmanStat.rank(below, tie);
      return rank;
    }

    int group() { return group; }
  }

  /** Sort 1's walk: ranks labels and emits each row keyed by its prediction, with its label rank. */
  static final class LabelRanks extends OrderShuffle.Buffered {
    private final Iterator<Tuple2<long[], double[]>> in;
    private final Table t;
    private final Ranker ranker;

    LabelRanks(Iterator<Tuple2<long[], double[]>> in, Table t) {
      this.in = in;
      this.t = t;
      this.ranker = new Ranker(t.labels()) {};
    }

    @Override void fill(List<Tuple2<long[], double[]>> out) {
      while (out.isEmpty() && in.hasNext()) {
        Tuple2<long[], double[]> rec = in.next();
        double[] v = rec._2();
        double r = ranker.rank(rec._1(), v[0]);
        if (Double.isNaN(r)) continue;
        int si = t.setOfLabelGroup()[ranker.group()];
        long bits = OrderKeys.ascending(v[1]);
        long unit = t.predictions().unit(t.predictionGroup()[si], bits);
        out.add(new Tuple2<>(new long[] {unit, bits, 0}, new double[] {v[0]}));
        out.add(new Tuple2<>(new long[] {unit, bits, 1}, new double[] {v[0], r}));
      }
    }
  }

  /** Sort 2's walk: ranks predictions and sums the moments of both ranks per state set. */
  static Iterator<Tuple2<Integer, RankMoments>> moments(Iterator<Tuple2<long[], double[]>> it, Table t) {
    Ranker ranker = new Ranker(t.predictions()) {};
    Map<Integer, RankMoments> out = new HashMap<>();
    int[] setOfPrediction = new int[t.predictionGroup().length];
    for (int si = 0; si < setOfPrediction.length; si++) setOfPrediction[t.predictionGroup()[si]] = si;
    while (it.hasNext()) {
      Tuple2<long[], double[]> rec = it.next();
      double[] v = rec._2();
      double r = ranker.rank(rec._1(), v[0]);
      if (Double.isNaN(r)) continue;
      out.computeIfAbsent(setOfPrediction[ranker.group()], x -> new RankMoments()).add(v[0], v[1], r);
    }
    List<Tuple2<Integer, RankMoments>> list = new ArrayList<>();
    out.forEach((si, m) -> list.add(new Tuple2<>(si, m)));
    return list.iterator();
  }
}
