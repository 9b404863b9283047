package dev.sparkeval.loss;

/** Powers as PyTorch computes them for focal losses. */
final class Powers {
  private Powers() {}

  /** x^gamma, exact for the common gamma = 2 (what PyTorch's pow does for a square). */
  static double pow(double x, double gamma) {
    if (gamma == 2.0) return x * x;
    if (gamma == 1.0) return x;
    if (gamma == 0.0) return 1.0;
    return Math.pow(x, gamma);
  }
}
