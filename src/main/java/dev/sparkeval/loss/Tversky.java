package dev.sparkeval.loss;

/**
 * The soft Tversky loss of one mask, written on the scale of the Dice formula so that
 * alpha = beta = 0.5 is exactly Dice (same smooth, same bits):
 * 1 - (2 TP + s) / (2 TP + 2 alpha FP + 2 beta FN + s), with TP = sum(y p), FP = sum((1 - y) p),
 * FN = sum(y (1 - p)). The denominator is taken as 2 (1 - alpha - beta) TP + 2 alpha sum(p)
 * + 2 beta sum(y) + s, the same value; with smooth = 0 it is the usual Tversky index.
 */
public final class Tversky {
  private Tversky() {}

  public static double loss(double tp, double sumY, double sumP, double alpha, double beta, double smooth) {
    double num = 2 * tp + smooth;
    double den = 2 * (1 - alpha - beta) * tp + 2 * alpha * sumP + 2 * beta * sumY + smooth;
    return 1 - num / den;
  }
}
