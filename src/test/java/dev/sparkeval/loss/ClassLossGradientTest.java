package dev.sparkeval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every classification loss's derivative against central finite differences. */
class ClassLossGradientTest {
  static final double H = 1e-6;

  static void check(PointLoss l, double y, double s) {
    double fd = (l.value(y, s + H) - l.value(y, s - H)) / (2 * H);
    assertEquals(fd, l.derivative(y, s), 1e-5 * Math.max(1, Math.abs(fd)), l.key() + " at y=" + y + ", s=" + s);
  }

  @Test
  void pointLosses() {
    Random r = new Random(1);
    List<PointLoss> onLogits = List.of(new BceWithLogits(1), new BceWithLogits(2.5), new SigmoidFocal(0.25, 2, true),
        new SigmoidFocal(-1, 0, true), new SigmoidFocal(0.7, 1.5, true));
    List<PointLoss> onProbabilities = List.of(new Bce(), new SigmoidFocal(0.25, 2, false), new SigmoidFocal(0.6, 0.5, false));
    for (int i = 0; i < 200; i++) {
      double y = r.nextInt(2);
      for (PointLoss l : onLogits) check(l, y, r.nextGaussian() * 4);
      for (PointLoss l : onProbabilities) check(l, y, 0.02 + 0.96 * r.nextDouble());
    }
  }

  static void check(VectorLoss l, int y, double[] s) {
    double[] g = new double[s.length];
    l.gradient(y, s, g);
    for (int c = 0; c < s.length; c++) {
      double keep = s[c];
      s[c] = keep + H;
      double up = l.value(y, s);
      s[c] = keep - H;
      double down = l.value(y, s);
      s[c] = keep;
      double fd = (up - down) / (2 * H);
      assertEquals(fd, g[c], 1e-5 * Math.max(1, Math.abs(fd)), l.key() + " d/ds_" + c);
    }
  }

  @Test
  void vectorLosses() {
    Random r = new Random(2);
    double[] w = {1, 2, 0.5, 3};
    List<VectorLoss> onLogits = List.of(new CrossEntropy(0, -100, null, Math.E, true), new CrossEntropy(0.2, -100, w, 10, true),
        new SoftmaxFocal(2, null, true), new SoftmaxFocal(0.5, w, true));
    List<VectorLoss> onProbabilities = List.of(new CrossEntropy(0.1, -100, w, 2, false), new SoftmaxFocal(2, w, false));
    for (int i = 0; i < 100; i++) {
      int y = r.nextInt(4);
      double[] z = new double[4], p = new double[4];
      for (int c = 0; c < 4; c++) z[c] = r.nextGaussian() * 2;
      Decisions.softmax(z, p);
      for (int c = 0; c < 4; c++) p[c] = 0.9 * p[c] + 0.025; // away from 0, where a fixed step is too coarse
      for (VectorLoss l : onLogits) check(l, y, z);
      for (VectorLoss l : onProbabilities) check(l, y, p); // unconstrained partial derivatives
    }
  }

  @Test
  void textbookCrossEntropyInBase10() {
    // label [0, 0, 1] one-hot, prediction [0.3, 0.2, 0.5]: -log10(0.5)
    assertEquals(0.30103, new CrossEntropy(0, -100, null, 10, false).value(2, new double[] {0.3, 0.2, 0.5}), 1e-5);
  }
}
