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
import dev.sparkeval.measure.PrfMeasure;
import dev.sparkeval.measure.RankWalkMeasure;
import dev.sparkeval.measure.RatioMeasure;
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
  private static final Set<Task> ALL = Set.of(Task.BINARY, Task.MULTICLASS, Task.MULTILABEL);
  private static final Param AVERAGE = new Param("average", "auto",
      "binary (class 1), micro, macro, weighted, samples (multilabel); auto: binary / macro (multiclass) / micro (multilabel)");
  private static final Param ZERO_DIVISION = new Param("zero_division", "0", "the value of a 0/0 (0 or 1); noted in 'undefined'");

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

  static PrfMeasure prf(Task t, Params p, EvalOptions o, PrfMeasure.Kind kind, double beta) {
    String avg = p.choice("average", List.of("auto", "binary", "micro", "macro", "weighted", "samples"));
    if (avg.equals("auto")) avg = t == Task.BINARY ? "binary" : t == Task.MULTICLASS ? "macro" : "micro";
    return new PrfMeasure(t, kind, beta, avg, zd(p), o.threshold());
  }

  static double base(Params p) {
    String b = p.str("base");
    if (b.equalsIgnoreCase("e")) return Math.E;
    double v = p.dbl("base", 0, true, Double.POSITIVE_INFINITY, true);
    if (v == 1) throw new UsageException("cross_entropy: base must be e, 2, 10 or another positive number other than 1");
    return v;
  }

  static dev.sparkeval.core.Measure auc(Task t, Params p, EvalOptions o, boolean roc) {
    String avg = p.choice("average", List.of("macro", "weighted"));
    int bins = p.integer("bins", 0, 1_000_000);
    double maxFpr = roc ? p.dbl("max_fpr", 0, true, 1, false) : 1;
    boolean trapezoid = !roc && p.choice("method", List.of("average_precision", "trapezoid")).equals("trapezoid");
    String exactOnly = maxFpr < 1 ? "max_fpr" : trapezoid ? "method=trapezoid" : null;
    if (exactOnly != null && bins > 0) {
      throw new UsageException((roc ? "auc_roc" : "auc_pr") + ": " + exactOnly + " needs the exact curve (bins=0), not bins=" + bins);
    }
    if (maxFpr < 1 && t == Task.MULTICLASS) {
      throw new UsageException("auc_roc: partial AUC (max_fpr) is not available for multiclass, as in scikit-learn; drop max_fpr");
    }
    if (trapezoid && t != Task.BINARY) {
      throw new UsageException("auc_pr: method=trapezoid is MLlib's binary areaUnderPR; for " + t.id() + " use average precision");
    }
    if (maxFpr < 1) return RankWalkMeasure.partialAuc(t, o.logits(), maxFpr, avg);
    return bins == 0 ? new AucMeasure(t, o.logits(), roc, avg, trapezoid) : new BinnedAucMeasure(t, o.logits(), roc, avg, bins);
  }

  static dev.sparkeval.core.Measure ece(Task t, Params p) {
    int bins = p.integer("bins", 1, 100_000);
    String norm = p.choice("norm", List.of("l1", "l2", "max"));
    return norm.equals("l1") ? new EceStat(bins, t == Task.MULTICLASS) : new CalibrationMeasure(bins, t == Task.MULTICLASS, norm.equals("l2"));
  }

  public static List<Entry> entries() {
    Param bins = new Param("bins", "0", "0: exact (one extra sort job); N > 0: one pass over N probability bins, with a certified error bound");
    Param aucAverage = new Param("average", "macro", "multiclass (one-vs-rest) and multilabel: macro or weighted");
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
            new Param("base", "e", "log base: e, 2 or 10"))
            .trains(Reduction.MEAN, (t, p, o) -> crossEntropy(p, o)),
        metric("accuracy", BIN_MC, "fraction of correct decisions (sklearn accuracy_score)", LARGER,
            (t, p, o) -> CountsMeasure.accuracy(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("top_k_accuracy", MC, "the true class is among the k highest scores (sklearn top_k_accuracy_score)", LARGER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.topK(p.integer("k", 1, Integer.MAX_VALUE))),
            new Param("k", "5", "how many top classes count, >= 1")).refusesTraining(Untrainable.STEP, null),
        metric("precision", ALL, "sklearn precision_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.PRECISION, 1), AVERAGE, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("recall", ALL, "sklearn recall_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.RECALL, 1), AVERAGE, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("f1", ALL, "sklearn f1_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.F, 1), AVERAGE, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("fbeta", ALL, "sklearn fbeta_score", LARGER,
            (t, p, o) -> prf(t, p, o, PrfMeasure.Kind.F, p.dbl("beta", 0, true, Double.POSITIVE_INFINITY, true)),
            new Param("beta", "2", "weight of recall, > 0"), AVERAGE, ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("specificity", BIN, "tn / (tn + fp), the recall of class 0", LARGER,
            (t, p, o) -> CountsMeasure.specificity(o.threshold(), zd(p)), ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("balanced_accuracy", BIN_MC, "mean recall over classes (sklearn balanced_accuracy_score)", LARGER,
            (t, p, o) -> CountsMeasure.balancedAccuracy(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("mcc", BIN_MC, "Matthews correlation coefficient (sklearn matthews_corrcoef)", LARGER,
            (t, p, o) -> CountsMeasure.mcc(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("cohen_kappa", BIN_MC, "Cohen's kappa of decisions against labels (sklearn cohen_kappa_score)", LARGER,
            (t, p, o) -> CountsMeasure.cohenKappa(t, o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("log_loss", BIN_MC, "sklearn log_loss: probabilities clipped to [eps, 1 - eps] and renormalised", SMALLER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.logLoss(t == Task.MULTICLASS))).refusesTraining(Untrainable.METRIC_FORM, null),
        metric("brier", BIN, "mean of (p - y)^2 (sklearn brier_score_loss)", SMALLER,
            (t, p, o) -> new MeanMeasure(new SquaredError())).refusesTraining(Untrainable.METRIC_FORM, null),
        metric("ece", BIN_MC, "expected calibration error over equal-width bins (binary: of p; multiclass: of the top class)", SMALLER,
            (t, p, o) -> ece(t, p), new Param("bins", "15", "number of equal-width confidence bins"),
            new Param("norm", "l1", "l1 (the ECE), l2 (root of the bin-weighted squared gaps) or max (the largest gap), as TorchMetrics'"))
            .refusesTraining(Untrainable.BINS, null),
        metric("hamming_loss", ML, "fraction of wrong label decisions (sklearn hamming_loss)", SMALLER,
            (t, p, o) -> CountsMeasure.hammingLoss(o.threshold())).refusesTraining(Untrainable.STEP, null),
        metric("subset_accuracy", ML, "fraction of rows with every label right (sklearn accuracy_score on multilabel)", LARGER,
            (t, p, o) -> new MeanMeasure(ClassFunctions.subsetMatch(o.threshold()))).refusesTraining(Untrainable.STEP, null),
        metric("auc_roc", ALL, "area under the ROC curve (sklearn roc_auc_score; multiclass one-vs-rest)", LARGER,
            (t, p, o) -> auc(t, p, o, true), aucAverage, bins,
            new Param("max_fpr", "1", "< 1: the partial area up to this false positive rate, McClish-corrected (sklearn); exact only"))
            .refusesTraining(Untrainable.RANK, null),
        metric("auc_pr", BIN_ML, "average precision, the area under the precision-recall curve (sklearn average_precision_score)",
            LARGER, (t, p, o) -> auc(t, p, o, false), aucAverage, bins,
            new Param("method", "average_precision", "average_precision (sklearn), or trapezoid: MLlib's areaUnderPR (binary, exact only)"))
            .refusesTraining(Untrainable.RANK, null));
  }
}
