package dev.sparkeval.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The curves in words: underfitting (losses still falling at the end), overfitting from epoch N
 * (training loss falling while validation loss rises after its best epoch), or a good fit; and
 * the epochs where validation loss rose while validation accuracy rose too.
 */
public final class Diagnosis {
  /** Relative rise of validation loss above its best that counts as overfitting (not noise). */
  static final double RISE = 0.02;
  /** Relative fall over the last quarter of the epochs that counts as still improving. */
  static final double FALL = 0.01;
  /** Fewer epochs than this show no curve: neither a good fit nor overfitting can be told (underfitting can). */
  static final int MIN_EPOCHS = 3;

  private Diagnosis() {}

  public record Verdict(String kind, String text, Integer overfitFrom, List<Map<String, Object>> flagged) {}

  public static Verdict of(List<Epoch> h, String accuracyKey) {
    List<Map<String, Object>> flagged = flagged(h, accuracyKey);
    if (h.isEmpty()) return new Verdict("none", "no epoch was run", null, flagged);
    int best = 0;
    for (int i = 1; i < h.size(); i++) if (val(h.get(i)) < val(h.get(best))) best = i;
    Epoch b = h.get(best), last = h.get(h.size() - 1);
    double bv = val(b), lv = val(last);
    if (Double.isNaN(bv)) return new Verdict("unknown", "validation loss is undefined; no diagnosis", null, flagged);
    // Overfitting: validation loss stays clearly above its best over the last epochs (not one noisy epoch)
    // while training loss keeps falling clearly below its value at the best epoch.
    int tail = Math.max(1, Math.min(5, h.size() / 10));
    double recent = 0;
    for (int i = h.size() - tail; i < h.size(); i++) recent += val(h.get(i)) / tail;
    boolean trainFell = (b.trainLoss() - last.trainLoss()) > FALL * Math.abs(b.trainLoss());
    if (best < h.size() - 2 && recent > bv + RISE * Math.abs(bv) && lv > bv + RISE * Math.abs(bv) && trainFell) {
      int from = b.epoch() + 1;
      return new Verdict("overfitting", String.format(Locale.ROOT, "overfitting from epoch %d: training loss kept falling"
          + " (%.4g at epoch %d to %.4g) while validation loss rose from its best %.4g at epoch %d to %.4g", from,
          b.trainLoss(), b.epoch(), last.trainLoss(), bv, b.epoch(), lv), from, flagged);
    }
    int back = Math.max(1, h.size() / 4);
    Epoch earlier = h.get(Math.max(0, h.size() - 1 - back));
    double fall = (val(earlier) - lv) / Math.abs(val(earlier));
    double trainFall = (earlier.trainLoss() - last.trainLoss()) / Math.abs(earlier.trainLoss());
    if (h.size() > 1 && best == h.size() - 1 && fall > FALL && trainFall > FALL) {
      return new Verdict("underfitting", String.format(Locale.ROOT, "underfitting: training and validation losses were both still falling"
          + " at the last epoch (validation %.4g to %.4g over the last %d epochs); train longer, raise the learning rate"
          + " or use a bigger model", val(earlier), lv, back), null, flagged);
    }
    if (h.size() < MIN_EPOCHS) {
      return new Verdict("unknown", String.format(Locale.ROOT, "too few epochs to judge the fit: %d epoch%s (validation loss"
          + " %.4g at the last); the curves need at least %d; train for more epochs", h.size(), h.size() == 1 ? "" : "s", lv,
          MIN_EPOCHS), null, flagged);
    }
    return new Verdict("good_fit", String.format(Locale.ROOT, "good fit: validation loss levelled off (best %.4g at epoch %d,"
        + " %.4g at the last epoch) with no sustained rise while training loss fell; final training loss %.4g", bv,
        b.epoch(), lv, last.trainLoss()), null, flagged);
  }

  private static double val(Epoch e) {
    return e.valLoss() == null ? Double.NaN : e.valLoss();
  }

  /** Epochs whose validation loss and validation accuracy both rose over the epoch before. */
  static List<Map<String, Object>> flagged(List<Epoch> h, String acc) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (acc == null) return out;
    for (int i = 1; i < h.size(); i++) {
      Epoch p = h.get(i - 1), c = h.get(i);
      Double pa = p.valMetrics().get(acc), ca = c.valMetrics().get(acc);
      if (pa == null || ca == null || p.valLoss() == null || c.valLoss() == null) continue;
      if (c.valLoss() > p.valLoss() && ca > pa) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", c.epoch());
        m.put("val_loss", c.valLoss());
        m.put("val_" + acc, ca);
        m.put("note", "validation loss rose while validation accuracy also rose: more answers are right, but the model"
            + " grew more confident on the ones it gets wrong");
        out.add(m);
      }
    }
    return out;
  }
}
