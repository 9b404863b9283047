package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.JsDivergence;
import dev.sparkeval.loss.KlDiv;
import dev.sparkeval.loss.SoftCrossEntropy;
import dev.sparkeval.measure.VectorMean;
import java.util.List;
import java.util.Set;

/** Losses and metrics between a target distribution (label) and a predicted one (prediction or --logits). */
public final class Distribution {
  private static final Set<Task> DIST = Set.of(Task.DISTRIBUTION);

  private Distribution() {}

  public static List<Entry> entries() {
    return List.of(
        loss("kl_div", DIST, "torch.nn.KLDivLoss(reduction='batchmean') of log q against p: mean over rows of "
                + "sum p (log p - log q); zero target entries contribute 0",
            (t, p, o) -> new VectorMean(new KlDiv(o.logits()))),
        loss("cross_entropy", DIST, "torch.nn.CrossEntropyLoss with probability targets: mean over rows of "
                + "-sum w_i t_i log q_i (t = label smoothed, w = --class-weights)",
            (t, p, o) -> new VectorMean(new SoftCrossEntropy(o.logits(), p.dbl("label_smoothing", 0, false, 1, false),
                o.classWeights(), Classification.base(p))),
            new Param("label_smoothing", "0", "mixes the target with the uniform distribution; in [0, 1]"),
            Classification.BASE),
        metric("js_divergence", DIST, "Jensen-Shannon divergence, natural log, mean over rows: "
                + "(KL(p||m) + KL(q||m)) / 2 with m = (p + q) / 2; in [0, ln 2] (scipy jensenshannon squared)",
            Direction.SMALLER, (t, p, o) -> new VectorMean(new JsDivergence())));
  }
}
