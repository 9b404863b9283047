package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.ConfusionStat;
import dev.sparkeval.state.Counts;
import dev.sparkeval.state.SamplesStat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F-beta as scikit-learn's precision_recall_fscore_support: averages
 * binary (class 1), micro, macro and weighted over the labels present in the truth or the
 * decisions, samples for multilabel; or one class's value ({@code cls >= 0}, MLlib's ...ByLabel).
 * A 0/0 becomes zero_division and is noted.
 */
public final class PrfMeasure implements Measure {
  public enum Kind { PRECISION, RECALL, F }

  private final Kind kind;
  private final double beta;
  private final String average;
  private final int cls;
  private final BigDecimal zd;
  private final ConfusionStat confusion;
  private final SamplesStat samples;

  public PrfMeasure(Task task, Kind kind, double beta, String average, double zeroDivision, double threshold) {
    this(task, kind, beta, average, -1, zeroDivision, threshold);
  }

  public PrfMeasure(Task task, Kind kind, double beta, String average, int cls, double zeroDivision, double threshold) {
    this.kind = kind;
    this.cls = cls;
    this.beta = beta;
    this.average = average;
    this.zd = BigDecimal.valueOf(zeroDivision);
    boolean ok = switch (task) {
      case BINARY -> !average.equals("samples");
      case MULTICLASS -> !average.equals("binary") && !average.equals("samples");
      default -> !average.equals("binary");
    };
    if (!ok) {
      String allowed = switch (task) {
        case BINARY -> "binary, micro, macro or weighted";
        case MULTICLASS -> "micro, macro or weighted (binary is for two classes), e.g. f1:average=macro";
        default -> "micro, macro, weighted or samples, e.g. f1:average=micro";
      };
      throw new UsageException("average=" + average + " does not apply to task " + task.id() + "; use " + allowed);
    }
    this.confusion = new ConfusionStat(task, threshold);
    this.samples = average.equals("samples") && cls < 0 ? new SamplesStat(beta, zeroDivision, threshold) : null;
  }

  @Override public List<Stat> needs() {
    return samples == null ? List.of(confusion) : List.of(samples);
  }

  /** [precision, recall, f] of one class (or pooled counts), with the zero-division notes. */
  BigDecimal[] prf(BigDecimal tp, BigDecimal pred, BigDecimal truth, String who, List<String> notes) {
    if (pred.signum() == 0 && kind != Kind.RECALL) notes.add("precision of " + who + " is 0/0 (never predicted)");
    if (truth.signum() == 0 && kind != Kind.PRECISION) notes.add("recall of " + who + " is 0/0 (no true samples)");
    return Counts.prf(tp, pred, truth, beta, zd);
  }

  private int pick() {
    return switch (kind) { case PRECISION -> 0; case RECALL -> 1; default -> 2; };
  }

  @Override public Value finish(StatSet stats) {
    if (samples != null) return stats.get(samples).finish(pick());
    ConfusionStat s = stats.get(confusion);
    if (s.classes() < 0) return Value.undefined("no rows");
    Counts c = Counts.of(s);
    List<String> notes = new ArrayList<>();
    BigDecimal v;
    if (cls >= c.k) return Value.undefined("class=" + cls + " is not among the " + c.k + " classes (0.." + (c.k - 1) + ")");
    switch (cls >= 0 ? "class" : average) {
      case "class" -> v = prf(c.tp[cls], c.pred[cls], c.truth[cls], "class " + cls, notes)[pick()];
      case "binary" -> v = prf(c.tp[1], c.pred[1], c.truth[1], "class 1", notes)[pick()];
      case "micro" -> {
        BigDecimal tp = BigDecimal.ZERO, pred = BigDecimal.ZERO, truth = BigDecimal.ZERO;
        for (int i = 0; i < c.k; i++) {
          if (!c.present[i]) continue;
          tp = tp.add(c.tp[i], Exact.MC);
          pred = pred.add(c.pred[i], Exact.MC);
          truth = truth.add(c.truth[i], Exact.MC);
        }
        v = prf(tp, pred, truth, "all classes pooled", notes)[pick()];
      }
      case "macro" -> {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (int i = 0; i < c.k; i++) {
          if (!c.present[i]) continue;
          sum = sum.add(prf(c.tp[i], c.pred[i], c.truth[i], "class " + i, notes)[pick()], Exact.MC);
          n++;
        }
        v = Counts.div(sum, BigDecimal.valueOf(n));
      }
      default -> { // weighted by support
        BigDecimal sum = BigDecimal.ZERO, support = BigDecimal.ZERO, pred = BigDecimal.ZERO;
        for (int i = 0; i < c.k; i++) {
          if (!c.present[i]) continue;
          sum = sum.add(prf(c.tp[i], c.pred[i], c.truth[i], "class " + i, new ArrayList<>())[pick()]
              .multiply(c.truth[i], Exact.MC), Exact.MC);
          support = support.add(c.truth[i], Exact.MC);
          pred = pred.add(c.pred[i], Exact.MC);
        }
        if (support.signum() == 0) { // scikit-learn's special case: no true samples at all
          notes.add("the total support is 0");
          v = kind == Kind.RECALL || pred.signum() == 0 ? zd : BigDecimal.ZERO;
        } else {
          v = Counts.div(sum, support);
          for (int i = 0; i < c.k; i++) {
            if (c.present[i] && c.truth[i].signum() > 0) prf(c.tp[i], c.pred[i], c.truth[i], "class " + i, notes);
          }
        }
      }
    }
    Value out = Value.of(Counts.dbl(v));
    return notes.isEmpty() ? out : out.withNote(String.join("; ", notes) + "; set to zero_division=" + zd.toPlainString());
  }
}
