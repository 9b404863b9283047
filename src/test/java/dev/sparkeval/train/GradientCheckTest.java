package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.BceWithLogits;
import dev.sparkeval.loss.Huber;
import dev.sparkeval.loss.LabelSmoothed;
import dev.sparkeval.loss.LogCosh;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.PoissonNll;
import dev.sparkeval.loss.SmoothL1;
import dev.sparkeval.loss.SquaredError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finite-difference checks: every loss's derivative, and every model's backpropagated gradient. */
class GradientCheckTest {
  static final double H = 1e-6;

  static List<PointLoss> pointLosses() {
    return List.of(new SquaredError(), new AbsoluteError(), new Huber(1.0), new Huber(0.3), new SmoothL1(1.0),
        new SmoothL1(0.5), new LogCosh(), new Pinball(0.5), new Pinball(0.9), new Pinball(0.1),
        new PoissonNll(true, false, 1e-8), new PoissonNll(true, true, 1e-8));
  }

  /** Losses of one binary logit: BCE on smoothed targets (its derivative is the inner loss's at the smoothed target). */
  @Test
  void smoothedBinaryLossDerivatives() {
    Random r = new Random(2);
    for (PointLoss l : List.of(new LabelSmoothed(new BceWithLogits(1.0), 0.1, true), new LabelSmoothed(new BceWithLogits(2.5), 0.3, true))) {
      for (int t = 0; t < 200; t++) {
        double y = r.nextInt(2), z = r.nextGaussian() * 4;
        check(l.key() + " at y=" + y + " z=" + z, l.derivative(y, z), l.value(y, z + H), l.value(y, z - H));
      }
    }
  }

  /** Central difference of f at x, compared with the analytic derivative, away from kinks. */
  static int checks;

  static void check(String what, double analytic, double plus, double minus) {
    checks++;
    double numeric = (plus - minus) / (2 * H);
    double tol = 1e-6 * Math.max(1, Math.abs(numeric));
    assertTrue(Math.abs(analytic - numeric) <= tol, what + ": analytic " + analytic + " numeric " + numeric);
  }

  @Test
  void pointLossDerivatives() {
    Random r = new Random(1);
    for (PointLoss l : pointLosses()) {
      for (int t = 0; t < 200; t++) {
        double y = r.nextGaussian() * 3, p = y + r.nextGaussian() * 2;
        if (Math.abs(Math.abs(p - y) - 1.0) < 1e-3 || Math.abs(Math.abs(p - y) - 0.3) < 1e-3
            || Math.abs(Math.abs(p - y) - 0.5) < 1e-3 || Math.abs(p - y) < 1e-3) continue; // kinks
        check(l.key() + " at y=" + y + " p=" + p, l.derivative(y, p), l.value(y, p + H), l.value(y, p - H));
      }
    }
    for (Objective o : objectives(Task.BINARY, 2)) assertTrue(o.logits());
    assertEquals(5, objectives(Task.BINARY, 2).size());
    assertEquals(5, objectives(Task.MULTICLASS, 3).size());
  }

  /** The objectives each model trains with: all regression losses, and the logit losses once they exist. */
  static List<Objective> objectives(Task task, int classes) {
    List<Objective> out = new ArrayList<>();
    if (task == Task.REGRESSION) for (PointLoss l : pointLosses()) out.add(new PointObjective(l, Reduction.MEAN));
    out.addAll(LogitObjectivesTestSupport.objectives(task, classes));
    return out;
  }

  static double label(Task t, int classes, Random r) {
    return switch (t) {
      case REGRESSION -> r.nextGaussian() * 2;
      case BINARY -> r.nextInt(2);
      default -> r.nextInt(classes);
    };
  }

  @Test
  void outputDerivativesOfEveryObjective() {
    int before = checks;
    Random r = new Random(2);
    for (Task t : List.of(Task.REGRESSION, Task.BINARY, Task.MULTICLASS)) {
      int k = t == Task.MULTICLASS ? 4 : 1;
      for (Objective o : objectives(t, 4)) {
        for (int rep = 0; rep < 50; rep++) {
          double[] out = new double[k];
          for (int i = 0; i < k; i++) out[i] = r.nextGaussian() * 2;
          double y = label(t, 4, r);
          double[] d = new double[k];
          o.loss(out, y, d);
          for (int i = 0; i < k; i++) {
            double[] a = out.clone(), b = out.clone();
            a[i] += H;
            b[i] -= H;
            double lp = o.loss(a, y, null), lm = o.loss(b, y, null);
            if (Math.abs((lp - o.loss(out, y, null)) - (o.loss(out, y, null) - lm)) > 1e-6) continue; // a kink inside [-h, h]
            check(o + " d/dout[" + i + "]", d[i], lp, lm);
          }
        }
      }
    }
    assertTrue(checks - before > 20 * 50, "checks made: " + (checks - before));
  }

  static List<ModelSpec> models() {
    return List.of(ModelSpec.parse("linear"), ModelSpec.parse("logistic"), ModelSpec.parse("softmax"),
        ModelSpec.parse("mlp:hidden=5x4,activation=relu"), ModelSpec.parse("mlp:hidden=6,activation=tanh"),
        ModelSpec.parse("mlp:hidden=3x3x3,activation=sigmoid"));
  }

  @Test
  void everyModelsParameterGradient() {
    int before = checks;
    Random r = new Random(3);
    int d = 4;
    for (ModelSpec m : models()) {
      List<Task> tasks = m.impliedTask() != null ? List.of(m.impliedTask()) : List.of(Task.REGRESSION, Task.BINARY, Task.MULTICLASS);
      for (Task t : tasks) {
        List<Objective> objs = objectives(t, 3);
        if (objs.isEmpty()) objs = List.of(new PointObjective(new SquaredError(), Reduction.MEAN)); // model check alone
        for (Objective o : objs) {
          Network net = m.network(d, objs.get(0).task() == Task.REGRESSION && t != Task.REGRESSION ? 1 : o.outputs(3));
          double[] w = net.init(7);
          for (int i = 0; i < w.length; i++) w[i] += r.nextGaussian() * 0.5; // also exercise biases and the affine models
          double[] x = new double[d];
          for (int j = 0; j < d; j++) x[j] = r.nextGaussian();
          double y = o.task() == Task.REGRESSION ? r.nextGaussian() : label(t, 3, r);
          Network.Workspace ws = net.workspace();
          double[] dOut = new double[net.outputs()];
          o.loss(net.forward(w, x, 0, ws), y, dOut);
          double[] g = new double[net.size()];
          net.backward(w, x, 0, ws, dOut, g);
          for (int i = 0; i < w.length; i++) {
            double[] a = w.clone(), b = w.clone();
            a[i] += H;
            b[i] -= H;
            double lp = o.loss(net.forward(a, x, 0, ws).clone(), y, null);
            double lm = o.loss(net.forward(b, x, 0, ws).clone(), y, null);
            double l0 = o.loss(net.forward(w, x, 0, ws).clone(), y, null);
            if (Math.abs((lp - l0) - (l0 - lm)) > 1e-5) continue; // a relu or loss kink inside [-h, h]
            check(m.text() + " " + o + " param " + i, g[i], lp, lm);
          }
        }
      }
    }
    assertTrue(checks - before > 1500, "most parameters were checked (kinks skipped): " + (checks - before));
  }

  @Test
  void reductionsScaleTheSummedGradient() {
    double[] losses = {0.5, 2.0, 1.25};
    for (Reduction red : Reduction.values()) {
      ExactSum s = new ExactSum();
      for (double l : losses) s.add(l);
      ExactSum n = new ExactSum();
      n.add(3);
      double loss = red.loss(s, n);
      // Perturb the sum by h: dL/dS must equal the scale the loop multiplies the summed gradient with.
      ExactSum sp = new ExactSum();
      sp.add(s.value() + H);
      ExactSum sm = new ExactSum();
      sm.add(s.value() - H);
      check(red.name(), red.scale(loss, n), red.loss(sp, n), red.loss(sm, n));
    }
  }

  @Test
  void l2GradientIsThePenaltysDerivativeAndSparesBiases() {
    Network net = ModelSpec.parse("mlp:hidden=3").network(2, 1);
    double[] w = net.init(1);
    for (int i = 0; i < w.length; i++) w[i] += 0.1 * i;
    double[] g = new double[net.size()];
    net.addL2(w, 0.5, g);
    for (int l = 0; l < net.layers(); l++) {
      for (int i = net.weightOffset(l); i < net.biasOffset(l); i++) assertEquals(0.5 * w[i], g[i]);
      int end = l + 1 < net.layers() ? net.weightOffset(l + 1) : net.size();
      for (int i = net.biasOffset(l); i < end; i++) assertEquals(0.0, g[i]);
    }
  }

  @Test
  void foldedWeightsReadRawFeatures() {
    Random r = new Random(4);
    for (ModelSpec m : models()) {
      Network net = m.network(3, m.kind().equals("softmax") ? 3 : 1);
      double[] w = net.init(5);
      for (int i = 0; i < w.length; i++) w[i] += r.nextGaussian();
      double[] mean = {10, -3, 0.5}, std = {2, 0.1, 7};
      double[] f = net.fold(w, mean, std);
      double[] x = {12, -2.9, 4}, z = new double[3];
      for (int j = 0; j < 3; j++) z[j] = (x[j] - mean[j]) / std[j];
      double[] a = net.forward(w, z, 0, net.workspace()).clone();
      double[] b = net.forward(f, x, 0, net.workspace()).clone();
      for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), m.text());
    }
  }
}
