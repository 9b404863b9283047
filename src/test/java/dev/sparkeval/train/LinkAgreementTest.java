package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import dev.sparkeval.rule.ClassRules;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * predict's probabilities are the ones evaluate derives from the same logits, to the bit: one
 * sigmoid and one softmax serve both, so a model's report never disagrees with its predictions.
 */
class LinkAgreementTest {
  /** A model whose output is its input (identity weights, zero biases), so score(z) links z itself. */
  private static ModelFile identity(Task task, int k) {
    Network net = new Network(new int[] {k, k}, Activation.RELU);
    double[] w = new double[net.size()];
    for (int i = 0; i < k; i++) w[net.weightOffset(0) + i * k + i] = 1;
    double[] ones = new double[k];
    java.util.Arrays.fill(ones, 1);
    return new ModelFile("mlp", task, null, List.of(), "features", "label", task == Task.BINARY ? 2 : k, net, w,
        new double[k], ones);
  }

  private static double logit(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> r.nextGaussian();
      case 1 -> r.nextGaussian() * 30;
      default -> (r.nextDouble() - 0.5) * 1400; // past exp's overflow on either side
    };
  }

  @Test void binaryProbabilityEqualsEvaluatesSigmoid() {
    ModelFile m = identity(Task.BINARY, 1);
    Network.Workspace ws = m.network().workspace();
    ClassRules.Binary rule = new ClassRules.Binary(new EvalOptions(Task.BINARY, true, 0.5, null, false));
    Random r = new Random(14);
    Example e = new Example();
    for (int n = 0; n < 200_000; n++) {
      double z = logit(r);
      double predicted = m.score(new double[] {z}, ws).probability()[1];
      e.label = 1;
      e.prediction = z;
      e.predictionVec = null;
      assertEquals(null, rule.check(e));
      assertEquals(Double.doubleToRawLongBits(predicted), Double.doubleToRawLongBits(e.prediction), "logit " + z);
    }
  }

  @Test void multiclassProbabilitiesEqualEvaluatesSoftmax() {
    int k = 4;
    ModelFile m = identity(Task.MULTICLASS, k);
    Network.Workspace ws = m.network().workspace();
    ClassRules.Multiclass rule = new ClassRules.Multiclass(new EvalOptions(Task.MULTICLASS, true, 0.5, null, false));
    Random r = new Random(15);
    Example e = new Example();
    for (int n = 0; n < 50_000; n++) {
      double[] z = new double[k];
      for (int i = 0; i < k; i++) z[i] = logit(r);
      double[] predicted = m.score(z, ws).probability();
      e.label = n % k;
      e.predictionVec = z.clone();
      assertEquals(null, rule.check(e));
      for (int i = 0; i < k; i++) {
        assertEquals(Double.doubleToRawLongBits(predicted[i]), Double.doubleToRawLongBits(e.predictionVec[i]),
            "class " + i + " of logits " + java.util.Arrays.toString(z));
      }
    }
  }
}
