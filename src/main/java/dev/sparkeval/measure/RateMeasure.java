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
 * One-vs-rest rates of every class from the shared confusion counts: specificity tn / (tn + fp)
 * and false positive rate fp / (fp + tn) reduced as TorchMetrics does (micro pools all classes;
 * macro averages the classes present in the truth or the decisions, every label for multilabel;
 * weighted by support), and the Jaccard index tp / (tp + fp + fn) as scikit-learn's jaccard_score
 * (macro and weighted over the labels present; weighted falls back to the plain mean when no
 * label has support; multilabel samples: each row's |truth and decision| / |truth or decision|,
 * averaged). {@code cls >= 0} gives one class's value (MLlib's ...ByLabel). A 0/0 takes
 * zero_division and is noted.
 */
public final class RateMeasure implements Measure {
  public enum Kind { SPECIFICITY, FPR, JACCARD }

  private final Task task;
  private final Kind kind;
  private final String average;
  private final int cls;
  private final BigDecimal zd;
  private final ConfusionStat confusion;
  private final SamplesStat samples;

  public RateMeasure(Task task, Kind kind, String average, int cls, double zeroDivision, double threshold) {
    boolean samples = task == Task.MULTILABEL && kind == Kind.JACCARD;
    boolean ok = switch (task) {
      case BINARY -> !average.equals("samples");
      default -> !average.equals("binary") && (samples || !average.equals("samples"));
    };
    if (!ok) {
      throw new UsageException("average=" + average + " does not apply to " + name(kind) + " on task " + task.id()
          + "; use " + (task == Task.BINARY ? "binary, micro, macro or weighted" : "micro, macro" + (samples ? ", weighted or samples"
          : " or weighted")));
    }
    this.task = task;
    this.kind = kind;
    this.average = average;
    this.cls = cls;
    this.zd = BigDecimal.valueOf(zeroDivision);
    this.confusion = new ConfusionStat(task, threshold);
    this.samples = average.equals("samples") && cls < 0 ? new SamplesStat(1, zeroDivision, threshold) : null;
  }

  static String name(Kind k) {
    return switch (k) { case SPECIFICITY -> "specificity"; case FPR -> "fpr"; case JACCARD -> "jaccard"; };
  }

  @Override public List<Stat> needs() { return samples == null ? List.of(confusion) : List.of(samples); }

  private BigDecimal num(Counts c, int i) {
    return switch (kind) { case SPECIFICITY -> c.tn(i); case FPR -> c.fp(i); case JACCARD -> c.tp[i]; };
  }

  private BigDecimal den(Counts c, int i) {
    return switch (kind) {
      case SPECIFICITY, FPR -> c.tn(i).add(c.fp(i), Exact.MC);
      case JACCARD -> c.pred[i].add(c.truth[i], Exact.MC).subtract(c.tp[i], Exact.MC);
    };
  }

  private String why(String who) {
    return name(kind) + " of " + who + " is 0/0 ("
        + (kind == Kind.JACCARD ? "never true nor predicted" : "every row is truly of it") + ")";
  }

  private BigDecimal ratio(BigDecimal n, BigDecimal d, String who, List<String> notes) {
    if (d.signum() != 0) return Counts.div(n, d);
    if (notes != null) notes.add(why(who));
    return zd;
  }

  private String who(int i) {
    return (task == Task.MULTILABEL ? "label " : "class ") + i;
  }

  @Override public Value finish(StatSet stats) {
    if (samples != null) return stats.get(samples).finish(3);
    ConfusionStat s = stats.get(confusion);
    if (s.classes() < 0) return Value.undefined("no rows");
    Counts c = Counts.of(s);
    if (c.total.signum() == 0) return Value.undefined("the sum of weights is 0");
    List<String> notes = new ArrayList<>();
    boolean fallback = false;
    BigDecimal v;
    if (cls >= 0 || average.equals("binary")) {
      int i = cls >= 0 ? cls : 1;
      if (i >= c.k) {
        return Value.undefined("class=" + i + " is not among the " + c.k + " classes (0.." + (c.k - 1) + ")");
      }
      v = ratio(num(c, i), den(c, i), who(i), notes);
    } else if (average.equals("micro")) {
      BigDecimal n = BigDecimal.ZERO, d = BigDecimal.ZERO;
      for (int i = 0; i < c.k; i++) {
        n = n.add(num(c, i), Exact.MC);
        d = d.add(den(c, i), Exact.MC);
      }
      v = ratio(n, d, "all classes pooled", notes);
    } else {
      boolean weighted = average.equals("weighted");
      BigDecimal sum = BigDecimal.ZERO, wsum = BigDecimal.ZERO, plain = BigDecimal.ZERO;
      int n = 0;
      for (int i = 0; i < c.k; i++) {
        if (!c.present[i]) continue; // multilabel: every label is present
        BigDecimal w = weighted ? c.truth[i] : BigDecimal.ONE;
        BigDecimal r = ratio(num(c, i), den(c, i), who(i), w.signum() > 0 ? notes : null);
        sum = sum.add(r.multiply(w, Exact.MC), Exact.MC);
        wsum = wsum.add(w, Exact.MC);
        plain = plain.add(r, Exact.MC);
        n++;
      }
      if (wsum.signum() != 0) v = Counts.div(sum, wsum);
      else if (kind == Kind.JACCARD && n > 0) { // scikit-learn: no support anywhere, the plain mean
        fallback = true;
        v = Counts.div(plain, BigDecimal.valueOf(n));
      } else {
        v = BigDecimal.ZERO; // TorchMetrics' safe division
      }
    }
    String note = notes.isEmpty() ? null : String.join("; ", notes) + "; set to zero_division=" + zd.toPlainString();
    if (fallback) note = (note == null ? "" : note + "; ") + "no label has support, so the plain mean is used (scikit-learn)";
    return Value.of(v.doubleValue()).withNote(note);
  }
}
