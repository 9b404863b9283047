package dev.sparkeval.core;

/**
 * One prediction row as the states see it: a mutable holder that the reader refills for every
 * row, so that the per-row path allocates nothing. Scalar roles use the double fields, vector
 * roles the arrays. What each task fills (after its row rule; {@code weight} always, 1 unless
 * a weight column is bound):
 * <ul>
 *   <li>regression: {@code label}, {@code prediction};
 *   <li>binary: {@code label} 0/1, {@code prediction} the probability of class 1 (element 1 of a
 *       2-element vector); with logits also {@code logit}, the probability derived from it;
 *   <li>multiclass: {@code label} the class index, {@code predictionVec} the class probabilities;
 *       with logits also {@code logitVec}, the probabilities its softmax; or, when the prediction
 *       is the decided class, {@code prediction} that index, {@code predictionVec} null, {@code growing};
 *   <li>multilabel: {@code labelVec} 0/1, {@code predictionVec} probabilities; with logits also {@code logitVec};
 *       with label sets, both 0/1 vectors as long as the row's largest id needs, {@code growing};
 *       with --ignore-index, the ignored label elements are NaN (see {@link #ignored(double)});
 *   <li>distribution: {@code labelVec} and {@code predictionVec} distributions; with logits also {@code logitVec};
 *   <li>embedding: {@code labelVec} and {@code predictionVec}, {@code target} for cosine_embedding,
 *       {@code anchor}, {@code positive} and {@code negative} for triplet (each only when bound);
 *   <li>segmentation: {@code labelVec} and {@code predictionVec} (an image per row), or
 *       {@code label} and {@code prediction} (a pixel per row);
 *   <li>ranking: one query per Example. MLlib's array layout: {@code labelVec} the relevant ids,
 *       {@code predictionVec} the ranked ids; the long layout: {@code labelVec} the grades and
 *       {@code predictionVec} the scores of the query's items (best score first), {@code key} a hash
 *       of the query id. The row rule fills {@code query} from them;
 *   <li>clustering: {@code features} the point, {@code prediction} its cluster id.
 * </ul>
 */
public final class Example {
  public double label;
  public double prediction;
  public double weight = 1.0;
  /** The +1/-1 target of cosine_embedding; NaN while no --target column is bound. */
  public double target = Double.NaN;
  public double[] labelVec;
  public double[] predictionVec;
  public double[] anchor;
  public double[] positive;
  public double[] negative;
  /**
   * Classification rows whose classes are discovered as they come: a multiclass prediction given as
   * a class index (no score vector), or multilabel label sets (arrays of label ids) made 0/1 vectors
   * as long as the row's largest id needs. Confusion counts grow to the largest class seen.
   */
  public boolean growing;
  /** Raw margin(s) when the prediction column holds logits; probabilities are derived into prediction/predictionVec. */
  public double logit;
  public double[] logitVec;
  /** Clustering: the point's feature vector. */
  public double[] features;
  /** Ranking: the query, built by the row rule from labelVec and predictionVec. */
  public RankedQuery query;
  /** Ranking, long layout: a hash of the query id (it enters the bootstrap draws); 0 otherwise. */
  public long key;

  // Vectors are always exactly as long as the row's vector (the reader reuses an array only
  // when the length repeats), so v.length is the row's dimension.

  /**
   * Vector tasks: the vector length of the first row checked with this holder (one holder per
   * partition), -1 before it. The task's row rule makes rows of another length bad rows.
   */
  public int dimension = -1;

  /**
   * Whether a multilabel label element is left out (--ignore-index): the row rule marks such
   * elements NaN, a value no input can have (the reader refuses NaN). States that read label
   * elements skip them, and say so with {@link Stat#skipsIgnoredElements()}.
   */
  public static boolean ignored(double labelElement) {
    return labelElement != labelElement;
  }

  private double logArg = Double.NaN, logValue = Double.NaN;

  /**
   * Math.log(x), remembered for the last argument: bce, focal and log_loss of a binary row take
   * the log of the same probability, so a row pays for one log instead of five.
   */
  public double log(double x) {
    if (x != logArg) { // NaN never matches, so it is always recomputed (to NaN)
      logValue = Math.log(x);
      logArg = x;
    }
    return logValue;
  }
}
