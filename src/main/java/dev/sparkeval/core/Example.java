package dev.sparkeval.core;

/**
 * One prediction row as the states see it: a mutable holder that the reader refills for every
 * row, so that the per-row path allocates nothing. Scalar roles use the double fields, vector
 * roles the arrays; which ones are filled depends on the task and the columns bound.
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

  // Vectors are always exactly as long as the row's vector (the reader reuses an array only
  // when the length repeats), so v.length is the row's dimension.

  /**
   * Vector tasks: the vector length of the first row checked with this holder (one holder per
   * partition), -1 before it. The task's row rule makes rows of another length bad rows.
   */
  public int dimension = -1;

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
