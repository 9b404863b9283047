package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Direction.LARGER;
import static dev.sparkeval.core.Direction.SMALLER;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.Bce;
import dev.sparkeval.loss.BceWithLogits;
import dev.sparkeval.loss.CrossEntropy;
import dev.sparkeval.loss.Elementwise;
import dev.sparkeval.loss.LabelSmoothed;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.SigmoidFocal;
import dev.sparkeval.loss.SoftmaxFocal;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.measure.AucMeasure;
import dev.sparkeval.measure.BinnedAucMeasure;
import dev.sparkeval.measure.CalibrationMeasure;
import dev.sparkeval.measure.ClassFunctions;
import dev.sparkeval.measure.CountsMeasure;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.OvoAucMeasure;
import dev.sparkeval.measure.PrfMeasure;
import dev.sparkeval.measure.RankWalkMeasure;
import dev.sparkeval.measure.RatioMeasure;
import dev.sparkeval.measure.SamplesAucMeasure;
import dev.sparkeval.state.EceStat;
import java.util.List;
import java.util.Set;

/** Binary, multiclass and multilabel losses (PyTorch semantics) and metrics (scikit-learn semantics). */
public final class Classification {
  private static final Set<Task> BIN = Set.of(Task.BINARY);
  private static final Set<Task> MC = Set.of(Task.MULTICLASS);
  private static final Set<Task> ML = Set.of(Task.MULTILABEL);
  private static final Set<Task> BIN_MC = Set.of(Task.BINARY, Task.MULTICLASS);
  private static final Set<Task> BIN_ML = Set.of(Task.BINARY, Task.MULTILABEL);
  private static final Set<Task> MC_ML = Set.of(Task.MULTICLASS, Task.MULTILABEL);
  private static final Set<Task> ALL = Set.of(Task.BINARY, Task.MULTICLASS, Task.MULTILABEL);
  static final Param AVERAGE = new Param("average", "auto",
      "binary (class 1), micro, macro, weighted, samples (multilabel); auto: binary / macro (multiclass) / micro (multilabel)");
  static final Param BASE = new Param("base", "e", "log base: e, 2, 10 or any number > 0 other than 1");
  static final Param ZERO_DIVISION = new Param("zero_division", "0", "the value of a 0/0 (0 or 1); noted in 'undefined'");
  static final Param CLASS = new Param("class", "none",
      "a class index (multilabel: a label index): that class's value alone, not an average (MLlib's ...ByLabel)");

  private Classification() {}

  static PointLoss bce(Params p, EvalOptions o) {
    double pw = p.dbl("pos_weight", 0, false, Double.POSITIVE_INFINITY, true);
    double s = p.dbl("label_smoothing", 0, false, 1, false);
    if (!o.logits() && pw != 1.0) throw new UsageException("bce: pos_weight needs --logits (it is a parameter of BCEWithLogitsLoss)");
    PointLoss l = o.logits() ? new BceWithLogits(pw) : new Bce();
    return s == 0 ? l : new LabelSmoothed(l, s, o.logits());
  }

  static PointLoss focal(Params p, EvalOptions o) {
    double alpha = p.dbl("alpha");
    if (alpha > 1 || (alpha < 0 && alpha != -1)) throw new UsageException("focal: alpha must be in [0, 1], or -1 for none, got " + alpha);
    return new SigmoidFocal(alpha, p.dbl("gamma", 0, false, Double.POSITIVE_INFINITY, true), o.logits());
  }

  static SoftmaxFocal softmaxFocal(Params p, EvalOptions o) {
    return new SoftmaxFocal(p.dbl("gamma", 0, false, Double.POSITIVE_INFINITY, true), o.classWeights(), o.logits());
  }

  static CrossEntropy crossEntropy(Params p, EvalOptions o) {
    return new CrossEntropy(p.dbl("label_smoothing", 0, false, 1, false), p.integer("ignore_index"), o.classWeights(), base(p),
        o.logits());
  }

  /** Binary: the mean over rows; multilabel: over all elements (with --ignore-index, over the elements kept). */
  static dev.sparkeval.core.Measure perElement(Task t, PointLoss l, EvalOptions o) {
    if (t != Task.MULTILABEL) return new MeanMeasure(l);
    if (o.ignoring()) return new RatioMeasure(new Elementwise(l, o.logits(), true), Elementwise.counted());
    return new MeanMeasure(new Elementwise(l, o.logits()));
  }

  static double zd(Params p) {
    return p.choice("zero_division", List.of("0", "1", "warn")).equals("1") ? 1.0 : 0.0;
  }

  /** The average parameter with auto resolved: binary for binary, macro for multiclass, {@code multilabel} for multilabel. */
  static String average(Task t, Params p, String multilabel) {
    String avg = p.choice("average", List.of("auto", "binary", "micro", "macro", "weighted", "samples"));
    return avg.equals("auto") ? (t == Task.BINARY ? "binary" : t == Task.MULTICLASS ? "macro" : multilabel) : avg;
  }

  /** The class=C parameter: -1 for none (an average), else a class index. */
  static int cls(Params p) {
    if (p.str("class").equalsIgnoreCase("none")) return -1;
    return p.integer("class", 0, Integer.MAX_VALUE);
  }

  static PrfMeasure prf(Task t, Params p, EvalOptions o, PrfMeasure.Kind kind, double beta) {
    return new PrfMeasure(t, kind, beta, average(t, p, "micro"), cls(p), zd(p), o.threshold());
  }

  /** The log base of cross_entropy (class or distribution targets): e, or a finite number > 0 other than 1. */
  static double base(Params p) {
    String b = p.str("base").trim();
    if (b.equalsIgnoreCase("e")) return Math.E;
    double v;
    try {
      v = Double.parseDouble(b);
    } catch (NumberFormatException x) {
      v = Double.NaN;
    }
    if (!(v > 0) || v == 1 || Double.isInfinite(v)) {
      throw new UsageException("cross_entropy: base must be e or a number > 0 other than 1 (2 for bits), got '" + b + "'");
    }
    return v;
  }

  static dev.sparkeval.core.Measure auc(Task t, Params p, EvalOptions o, boolean roc) {
    String avg = p.choice("average", roc ? List.of("macro", "weighted", "micro", "samples") : List.of("macro", "weighted", "micro"));
    boolean ovo = roc && p.choice("multi_class", List.of("ovr", "ovo")).equals("ovo");
    int bins = p.integer("bins", 0, 1_000_000);
    double maxFpr = roc ? p.dbl("max_fpr", 0, true, 1, false) : 1;
    boolean trapezoid = !roc && p.choice("method", List.of("average_precision", "trapezoid")).equals("trapezoid");
    String name = roc ? "auc_roc" : "auc_pr";
    String exactOnly = maxFpr < 1 ? "max_fpr" : trapezoid ? "method=trapezoid" : null;
    if (exactOnly != null && bins > 0) {
      throw new UsageException(name + ": " + exactOnly + " needs the exact curve (bins=0), not bins=" + bins);
    }
    if (maxFpr < 1 && t == Task.MULTICLASS) {
      throw new UsageException("auc_roc: partial AUC (max_fpr) is not available for multiclass, as in scikit-learn; drop max_fpr");
    }
    if (trapezoid && t != Task.BINARY) {
      throw new UsageException("auc_pr: method=trapezoid is MLlib's binary areaUnderPR; for " + t.id() + " use average precision");
    }
    if (ovo && t != Task.MULTICLASS) throw new UsageException(name + ": multi_class=ovo is for task multiclass");
    if (ovo && !(avg.equals("macro") || avg.equals("weighted"))) {
      throw new UsageException(name + ": multi_class=ovo averages the class pairs macro or weighted, not " + avg);
    }
    if (avg.equals("samples") && t != Task.MULTILABEL) {
      throw new UsageException(name + ": average=samples is for task multilabel (each row's AUC over its labels)");
    }
    if (maxFpr < 1 && (avg.equals("micro") || avg.equals("samples"))) {
      throw new UsageException("auc_roc: max_fpr applies to binary and per-label AUC (average=macro or weighted), not average=" + avg);
    }
    if (bins > 0 && (ovo || avg.equals("micro") || avg.equals("samples"))) {
      throw new UsageException(name + ": bins applies to one-vs-rest and per-label AUC (average=macro or weighted); "
          + "drop bins for " + (ovo ? "multi_class=ovo" : "average=" + avg) + ", which is exact");
    }
    if (ovo) return new OvoAucMeasure(avg.equals("weighted"));
    if (avg.equals("samples")) return new SamplesAucMeasure(o.logits());
    if (maxFpr < 1) return RankWalkMeasure.partialAuc(t, o.logits(), maxFpr, avg);
    return bins == 0 ? new AucMeasure(t, o.logits(), roc, avg, trapezoid) : new BinnedAucMeasure(t, o.logits(), roc, avg, bins);
  }

  static dev.sparkeval.core.Measure ece(Task t, Params p) {
    int bins = p.integer("bins", 1, 100_000);
    String norm = p.choice("norm", List.of("l1", "l2", "max"));
    return norm.equals("l1") ? new EceStat(bins, t == Task.MULTICLASS) : new CalibrationMeasure(bins, t == Task.MULTICLASS, norm.equals("l2"));
  }

  static dev.sparkeval.core.Measure logLoss(Task t, Params p) {
    boolean mc = t == Task.MULTICLASS;
    if (p.str("eps").equalsIgnoreCase("auto")) return new MeanMeasure(ClassFunctions.logLoss(mc));
    return new MeanMeasure(ClassFunctions.clippedLogLoss(mc, p.dbl("eps", 0, true, 0.5, true)));
  }

  static dev.sparkeval.core.Measure hamming(Task t, Params p, EvalOptions o) {
    boolean inTruth = p.choice("labels", List.of("all", "in_truth")).equals("in_truth");
    if (inTruth && t != Task.MULTILABEL) throw new UsageException("hamming_loss: labels=in_truth is for task multilabel");
    return CountsMeasure.hammingLoss(t, o.threshold(), inTruth);
  }

  public static List<Entry> entries() {
    Param bins = new Param("bins", "0", "0: exact (one extra sort job); N > 0: one pass over N probability bins, with a certified error bound");
    Param aucAverage = new Param("average", "macro", "multiclass and multilabel: macro or weighted over classes, micro"
        + " (one ranking of every row and class, labels one-hot); samples (multilabel: each row's AUC over its labels)");
    Param multiClass = new Param("multi_class", "ovr", "multiclass: ovr (each class against the rest) or ovo (Hand and Till,"
        + " every pair of classes)");
    return List.of(
        loss("bce", BIN_ML, "binary cross-entropy (torch.nn.BCELoss, logs clamped at -100; --logits: BCEWithLogitsLoss); multilabel: mean over all elements",
            (t, p, o) -> perElement(t, bce(p, o), o),
            new Param("pos_weight", "1", "weight of positive examples, with --logits (BCEWithLogitsLoss)"),
            new Param("label_smoothing", "0", "targets y (1 - s) + s / 2, s in [0, 1] (as PyTorch users smooth BCE targets)"))
            .trains(Reduction.MEAN, (t, p, o) -> bce(p, o)),
        loss("focal", BIN_ML, "torchvision sigmoid_focal_loss (mean); multilabel: mean over all elements",
            (t, p, o) -> perElement(t, focal(p, o), o),
            new Param("alpha", "0.25", "weight of the positive class in [0, 1]; -1 for none"),
            new Param("gamma", "2", "focusing exponent, >= 0"))
            .trains(Reduction.MEAN, (t, p, o) -> focal(p, o)),
        loss("focal", MC, "softmax focal loss -(1 - p_y)^gamma log p_y (times the class weight with --class-weights), mean",
            (t, p, o) -> new MeanMeasure(softmaxFocal(p, o)),
            new Param("gamma", "2", "focusing exponent, >= 0"))
            .trains(Reduction.MEAN, (t, p, o) -> softmaxFocal(p, o)),
        loss("cross_entropy", MC, "torch.nn.CrossEntropyLoss (class weights from --class-weights, weighted mean as PyTorch)",
            (t, p, o) -> {
              CrossEntropy ce = crossEntropy(p, o);
              return new RatioMeasure(ce, ce.weightOf());
            },
            new Param("label_smoothing", "0", "in [0, 1]"),
            new Param("ignore_index", "-100", "rows of this class add nothing to this loss (PyTorch); --ignore-index leaves rows out of every measure"),
            BASE)
            .trains(Reduction.MEAN, (t, p, o) -> crossEntropy(p, o)),
        metric("accuracy", BIN_MC, "fraction of correct decisions (sklearn accuracy_score)", LARGER,
            (t, p, o) -> CountsMeasure.accuracy(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("top_k_accuracy", MC, "the true class is among the k highest scores (sklearn top_k_accuracy_score)", LARGER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.topK(p.integer("k", 1, Integer.MAX_VALUE))),
            new Param("k", "5", "how many top classes count, >= 1")).refusesTraining(Untrainable.STEP, null),
        metric("precision", ALL, "sklearn precision_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.PRECISION, 1), AVERAGE, CLASS, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("recall", ALL, "sklearn recall_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.RECALL, 1), AVERAGE, CLASS, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("f1", ALL, "sklearn f1_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.F, 1), AVERAGE, CLASS, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("fbeta", ALL, "sklearn fbeta_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.F, p.dbl("beta", 0, true, Double.POSITIVE_INFINITY, true)),
            new Param("beta", "2", "weight of recall, > 0"), AVERAGE, CLASS, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("balanced_accuracy", BIN_MC, "mean recall over classes (sklearn balanced_accuracy_score)", LARGER,
            (t, p, o) -> CountsMeasure.balancedAccuracy(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("mcc", ALL, "Matthews correlation coefficient (sklearn matthews_corrcoef; multilabel: TorchMetrics"
            + " MultilabelMatthewsCorrCoef, the MCC of the counts pooled over labels)", LARGER,
            (t, p, o) -> CountsMeasure.mcc(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("cohen_kappa", BIN_MC, "Cohen's kappa of decisions against labels (sklearn cohen_kappa_score, labels 0..K-1)",
            LARGER, (t, p, o) -> CountsMeasure.cohenKappa(t, o.threshold(), p.choice("weights", List.of("none", "linear", "quadratic"))),
            new Param("weights", "none", "disagreement weights: none, linear |i - j| or quadratic (i - j)^2 of the class indices"))
            .refusesTraining(Untrainable.STEP, null),
        metric("log_loss", BIN_MC, "sklearn log_loss: probabilities clipped to [eps, 1 - eps] and renormalised", SMALLER,
            (t, p, o) -> logLoss(t, p),
            new Param("eps", "auto", "auto: sklearn (machine epsilon, rows renormalised); a number in (0, 0.5): MLlib's"
                + " logLoss(eps), the true class's probability clipped to [eps, 1 - eps], no renormalising"))
            .refusesTraining(Untrainable.METRIC_FORM, null),
        metric("hinge", MC, "Crammer-Singer multiclass hinge max(0, 1 - (s_y - max other s)) on the logits with --logits,"
            + " else the probabilities (sklearn hinge_loss; TorchMetrics MulticlassHingeLoss on probabilities)", SMALLER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.hinge())).refusesTraining(Untrainable.EVALUATION_ONLY, "cross_entropy"),
        metric("brier", BIN, "mean of (p - y)^2 (sklearn brier_score_loss)", SMALLER,
            (t, p, o) -> new MeanMeasure(new SquaredError())).refusesTraining(Untrainable.METRIC_FORM, null),
        metric("ece", BIN_MC, "expected calibration error over equal-width bins (binary: of p; multiclass: of the top class)", SMALLER,
            (t, p, o) -> ece(t, p), new Param("bins", "15", "number of equal-width confidence bins"),
            new Param("norm", "l1", "l1 (the ECE), l2 (root of the bin-weighted squared gaps) or max (the largest gap), as TorchMetrics'"))
            .refusesTraining(Untrainable.BINS, null),
        metric("hamming_loss", MC_ML, "fraction of wrong decisions (sklearn hamming_loss): multiclass of rows, multilabel of"
            + " label decisions", SMALLER, (t, p, o) -> hamming(t, p, o),
            new Param("labels", "all", "multilabel: all (divide by the K labels, sklearn) or in_truth (by the labels that"
                + " occur in some row's truth, MLlib's hammingLoss)")).refusesTraining(Untrainable.STEP, null),
        metric("subset_accuracy", ML, "fraction of rows with every label right (sklearn accuracy_score on multilabel)", LARGER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.subsetMatch(o.threshold()))).refusesTraining(Untrainable.STEP, null),
        metric("auc_roc", ALL, "area under the ROC curve (sklearn roc_auc_score; multiclass one-vs-rest)", LARGER,
            (t, p, o) -> auc(t, p, o, true), aucAverage, multiClass, bins,
            new Param("max_fpr", "1", "< 1: the partial area up to this false positive rate, McClish-corrected (sklearn); exact only"))
            .refusesTraining(Untrainable.RANK, null),
        metric("auc_pr", ALL, "average precision, the area under the precision-recall curve (sklearn average_precision_score;"
            + " multiclass one-vs-rest as TorchMetrics MulticlassAveragePrecision)", LARGER, (t, p, o) -> auc(t, p, o, false),
            new Param("average", "macro", "multiclass and multilabel: macro or weighted over classes, or micro"), bins,
            new Param("method", "average_precision", "average_precision (sklearn), or trapezoid: MLlib's areaUnderPR (binary, exact only)"))
            .refusesTraining(Untrainable.RANK, null));
  }
}
