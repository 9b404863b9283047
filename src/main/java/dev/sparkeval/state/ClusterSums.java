package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact sums over the points of one cluster: their count (and how many have a positive weight),
 * the weight, and over the points with a nonzero vector the weight, the weighted vector sum and
 * the weighted sum of squared norms. {@link #finish} turns them into the cluster's weighted mean
 * (a double-double per entry) and scatter sum(w ||y - mean||^2), exactly up to one rounding.
 */
final class ClusterSums implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final MathContext MC = new MathContext(60);
  long count;
  long positive;
  final ExactSum weight = new ExactSum();
  /** Cosine only: the weight of the zero vectors, whose cosine distance to every other point is 1 (as scikit-learn's). */
  final ExactSum zeroWeight = new ExactSum();
  final ExactSum[] sum;
  final ExactSum squares = new ExactSum();

  ClusterSums(int dim) {
    sum = new ExactSum[dim];
    for (int d = 0; d < dim; d++) sum[d] = new ExactSum();
  }

  /** Adds a point of weight w; v null for a zero vector under the cosine distance. */
  void add(double[] v, double w) {
    count++;
    if (w > 0) positive++;
    weight.add(w);
    if (v == null) {
      zeroWeight.add(w);
      return;
    }
    for (int d = 0; d < sum.length; d++) {
      if (w == 1.0) {
        sum[d].add(v[d]);
        squares.addProduct(v[d], v[d]);
      } else {
        sum[d].addProduct(w, v[d]);
        squares.addProduct(w, v[d], v[d]);
      }
    }
  }

  void merge(ClusterSums o) {
    count += o.count;
    positive += o.positive;
    weight.merge(o.weight);
    zeroWeight.merge(o.zeroWeight);
    for (int d = 0; d < sum.length; d++) sum[d].merge(o.sum[d]);
    squares.merge(o.squares);
  }

  /** The finished cluster: weights, mean of the nonzero vectors as hi + lo, and their scatter. */
  Centroids.Cluster finish(long id) {
    BigDecimal zero = zeroWeight.exact();
    BigDecimal w = weight.exact().subtract(zero); // the weight of the nonzero vectors
    int dim = sum.length;
    double[] hi = new double[dim];
    double[] lo = new double[dim];
    double scatter = 0;
    if (w.signum() > 0) {
      BigDecimal norms = BigDecimal.ZERO;
      for (int d = 0; d < dim; d++) {
        BigDecimal s = sum[d].exact().round(MC);
        BigDecimal mean = s.divide(w, MC);
        hi[d] = mean.doubleValue();
        lo[d] = mean.subtract(new BigDecimal(hi[d])).doubleValue();
        norms = norms.add(s.multiply(s, MC), MC);
      }
      // sum w ||y - m||^2 = sum w ||y||^2 - ||sum w y||^2 / sum w, at 60 digits: cancellation-proof
      BigDecimal sc = squares.exact().round(MC).subtract(norms.divide(w, MC), MC);
      scatter = Math.max(0, sc.doubleValue());
    }
    return new Centroids.Cluster(id, count, positive, weight.value(), w.doubleValue(), zero.doubleValue(), hi, lo, scatter);
  }
}
