package dev.sparkeval.part;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.DyadicBins;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The report block {@code residuals} for regression: a histogram of prediction - label and a
 * 2-D grid of (prediction, label), both as mergeable {@link DyadicBins} so that no row leaves
 * its executor.
 */
public final class ResidualPlots implements ReportPart {
  @Override public boolean overallOnly() {
    return true;
  }

  public static final String KEY = "residuals";
  static final int HISTOGRAM_BINS = 256;
  static final int GRID_CELLS = 1024;
  private static final BinsStat HISTOGRAM = new BinsStat(false);
  private static final BinsStat GRID = new BinsStat(true);

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(HISTOGRAM, GRID); }

  /** The block: the residual histogram and the (prediction, label) grid. */
  public record Plots(Histogram histogram, Grid grid) {}

  /** Bins of prediction - label: [left edge, weight] each, {@code width} wide; rows whose residual is not finite. */
  public record Histogram(double width, List<List<Double>> bins, long nonFinite) {}

  /** Cells of (prediction, label): [prediction edge, label edge, weight] each, {@code width} wide. */
  public record Grid(double width, List<List<Double>> cells) {}

  @Override public Plots finish(StatSet stats) {
    DyadicBins h = stats.get(HISTOGRAM).bins;
    DyadicBins g = stats.get(GRID).bins;
    List<List<Double>> hist = new ArrayList<>();
    for (double[] b : h.bins()) hist.add(List.of(b[0], b[2]));
    List<List<Double>> cells = new ArrayList<>();
    for (double[] b : g.bins()) cells.add(List.of(b[0], b[1], b[2]));
    return new Plots(new Histogram(h.width(), hist, h.nonFinite()), new Grid(g.width(), cells));
  }

  /** Residuals (1-D) or (prediction, label) pairs (2-D) in adaptive dyadic bins. */
  static final class BinsStat extends Stat {
    private static final long serialVersionUID = 1L;
    private final boolean grid;
    final DyadicBins bins;

    BinsStat(boolean grid) {
      this.grid = grid;
      this.bins = new DyadicBins(grid ? GRID_CELLS : HISTOGRAM_BINS);
    }

    @Override public String key() { return grid ? "prediction_label_grid" : "residual_histogram"; }

    @Override public Stat fresh() { return new BinsStat(grid); }

    @Override public void add(Example e) {
      if (grid) bins.add(e.prediction, e.label, e.weight);
      else bins.add(e.prediction - e.label, 0, e.weight);
    }

    @Override public void add(Batch b) {
      if (b.weight != null) {
        super.add(b);
        return;
      }
      if (grid) {
        bins.add(b.prediction, b.label, b.size, b.ints(0), b.ints(1));
        return;
      }
      double[] r = b.scratch(0);
      for (int i = 0; i < b.size; i++) r[i] = b.prediction[i] - b.label[i];
      bins.add(r, null, b.size, b.ints(0), b.ints(1));
    }

    @Override public void merge(Stat other) {
      bins.merge(same(other, BinsStat.class).bins);
    }
  }
}
