package dev.sparkeval.part;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.state.ConfusionStat;
import dev.sparkeval.state.Counts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report blocks of every classification evaluation, from the shared confusion state:
 * confusion_matrix (scikit-learn layout, counts[i][j] = weight of true labels[i] predicted as
 * labels[j]; multilabel: one [[tn, fp], [fn, tp]] per label, as multilabel_confusion_matrix)
 * and per_class (precision, recall, f1 with zero_division 0, support = true weight).
 */
public final class ConfusionParts {
  private ConfusionParts() {}

  /** confusion_matrix: counts[i][j] = weight of true labels[i] predicted as labels[j] (multilabel: [[tn, fp], [fn, tp]] per label). */
  public record Matrix(List<Integer> labels, List<Object> counts) {}

  /** One class of per_class; support is the true weight, a whole number written as one. */
  public record ClassFigures(double precision, double recall, double f1, Object support) {}

  public static List<ReportPart> of(EvalOptions o) {
    ConfusionStat proto = new ConfusionStat(o.task(), o.threshold());
    return List.of(new Part("confusion_matrix", proto, true), new Part("per_class", proto, false));
  }

  /** A whole number as a long (counts read as counts), anything else as a double. */
  static Object number(BigDecimal d) {
    double v = d.doubleValue();
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) return (long) v;
    return v;
  }

  private record Part(String key, ConfusionStat proto, boolean matrix) implements ReportPart {
    @Override public List<Stat> needs() { return List.of(proto); }

    @Override public Object finish(StatSet stats) {
      ConfusionStat s = stats.get(proto);
      int k = s.classes();
      List<Integer> labels = new ArrayList<>();
      for (int i = 0; i < k; i++) labels.add(i);
      if (matrix) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          if (s.task() == Task.MULTILABEL) {
            rows.add(List.of(List.of(number(s.label(i, 0, 0)), number(s.label(i, 0, 1))),
                List.of(number(s.label(i, 1, 0)), number(s.label(i, 1, 1)))));
          } else {
            List<Object> row = new ArrayList<>();
            for (int j = 0; j < k; j++) row.add(number(s.cell(i, j)));
            rows.add(row);
          }
        }
        return new Matrix(labels, rows);
      }
      Counts c = Counts.of(s);
      Map<String, ClassFigures> out = new LinkedHashMap<>();
      for (int i = 0; i < k; i++) {
        BigDecimal[] prf = Counts.prf(c.tp[i], c.pred[i], c.truth[i], 1, BigDecimal.ZERO); // f1:class=i, zero_division=0
        out.put(Integer.toString(i), new ClassFigures(prf[0].doubleValue(), prf[1].doubleValue(), prf[2].doubleValue(),
            number(c.truth[i])));
      }
      return out;
    }
  }
}
