package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.measure.IouMeasure;
import dev.sparkeval.measure.OverlapMeasure;
import java.util.List;
import java.util.Set;

/** Overlap losses and metrics between a mask (label, values in [0, 1]) and predicted probabilities. */
public final class Segmentation {
  private static final Set<Task> SEG = Set.of(Task.SEGMENTATION);
  private static final List<String> REDUCTIONS = List.of("mean", "global");
  private static final double INF = Double.POSITIVE_INFINITY;

  private Segmentation() {}

  public static List<Entry> entries() {
    Param smooth = new Param("smooth", "1", "added to numerator and denominator; >= 0");
    return List.of(
        loss("dice", SEG, "soft Dice loss 1 - (2 sum(y p) + s) / (sum(y) + sum(p) + s), per row and averaged "
                + "(reduction=mean) or from sums pooled over all rows (reduction=global; always for a pixel per row)",
            (t, p, o) -> new OverlapMeasure("dice", 0.5, 0.5, smooth(p), global(p)),
            smooth, new Param("reduction", "mean", "mean (per row, then averaged) or global (pooled sums)")),
        loss("tversky", SEG, "soft Tversky loss 1 - (2 TP + s) / (2 TP + 2 alpha FP + 2 beta FN + s); "
                + "alpha = beta = 0.5 is dice",
            (t, p, o) -> {
              double a = p.dbl("alpha", 0, false, INF, true);
              double b = p.dbl("beta", 0, false, INF, true);
              if (a == 0 && b == 0) throw new UsageException("tversky: alpha and beta must not both be 0");
              return new OverlapMeasure("tversky", a, b, smooth(p), global(p));
            },
            new Param("alpha", "0.5", "weight of false positives; >= 0"),
            new Param("beta", "0.5", "weight of false negatives; >= 0"),
            smooth, new Param("reduction", "mean", "mean or global, as for dice")),
        metric("iou", SEG, "IoU (Jaccard) of the masks binarised at label > 0.5 and prediction > --threshold, "
                + "pooled over all pixels (reduction=global) or averaged per row (mean) (sklearn jaccard_score)",
            Direction.LARGER, (t, p, o) -> new IouMeasure(o.threshold(), Double.parseDouble(p.choice("zero_division", List.of("0", "1"))),
                p.choice("reduction", List.of("global", "mean")).equals("global")),
            new Param("reduction", "global", "global (pooled pixels) or mean (per row)"),
            new Param("zero_division", "0", "the IoU of an empty union: 0 or 1")).refusesTraining(Untrainable.STEP, null));
  }

  private static double smooth(Params p) {
    return p.dbl("smooth", 0, false, INF, true);
  }

  private static boolean global(Params p) {
    return p.choice("reduction", REDUCTIONS).equals("global");
  }
}
