package dev.sparkeval.train;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A feed-forward network over a flat parameter vector: layer l maps sizes[l] inputs to
 * sizes[l+1] outputs, z = W a + b, with the hidden activation after every layer but the last.
 * With no hidden layer it is the affine model behind linear, logistic and softmax; the output
 * is always the raw score (prediction or logits), the link belongs to the loss.
 *
 * <p>Parameter layout, per layer: W (rows = outputs, row-major), then b.
 */
public final class Network implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int[] sizes;
  private final Activation activation;
  private final int[] wOff;
  private final int[] bOff;
  private final int size;

  public Network(int[] sizes, Activation activation) {
    this.sizes = sizes.clone();
    this.activation = activation;
    int layers = sizes.length - 1;
    wOff = new int[layers];
    bOff = new int[layers];
    int at = 0;
    for (int l = 0; l < layers; l++) {
      wOff[l] = at;
      at += sizes[l] * sizes[l + 1];
      bOff[l] = at;
      at += sizes[l + 1];
    }
    size = at;
  }

  public int inputs() { return sizes[0]; }

  public int outputs() { return sizes[sizes.length - 1]; }

  public int layers() { return sizes.length - 1; }

  public int[] sizes() { return sizes.clone(); }

  public Activation activation() { return activation; }

  /** Number of parameters. */
  public int size() { return size; }

  public int weightOffset(int layer) { return wOff[layer]; }

  public int biasOffset(int layer) { return bOff[layer]; }

  /**
   * Initial parameters: zeros for an affine model (its loss is convex); for hidden layers
   * He-uniform (relu) or Glorot-uniform (tanh, sigmoid) weights from the seed, zero biases.
   */
  public double[] init(long seed) {
    double[] w = new double[size];
    if (layers() == 1) return w;
    SplittableRandom r = new SplittableRandom(seed);
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l], out = sizes[l + 1];
      double a = activation == Activation.RELU ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
      for (int i = 0; i < in * out; i++) w[wOff[l] + i] = (2 * r.nextDouble() - 1) * a;
    }
    return w;
  }

  /** Scratch space for one thread: the activations and back-propagated errors of every layer. */
  public final class Workspace {
    final double[][] a = new double[sizes.length][];
    final double[][] delta = new double[sizes.length][];

    Workspace() {
      for (int l = 1; l < sizes.length; l++) {
        a[l] = new double[sizes[l]];
        delta[l] = new double[sizes[l]];
      }
    }

    /** The output of the last forward pass. */
    public double[] out() { return a[sizes.length - 1]; }
  }

  public Workspace workspace() {
    return new Workspace();
  }

  /** Forward pass on x[off .. off + inputs); the output is in ws.out(). */
  public double[] forward(double[] w, double[] x, int off, Workspace ws) {
    int last = layers() - 1;
    for (int l = 0; l <= last; l++) {
      double[] in = l == 0 ? x : ws.a[l];
      int inOff = l == 0 ? off : 0;
      int n = sizes[l];
      double[] z = ws.a[l + 1];
      for (int i = 0; i < sizes[l + 1]; i++) {
        double s = w[bOff[l] + i];
        int row = wOff[l] + i * n;
        for (int j = 0; j < n; j++) s += w[row + j] * in[inOff + j];
        z[i] = l == last ? s : activation.apply(s);
      }
    }
    return ws.out();
  }

  /**
   * Adds the gradient of the row's loss with respect to every parameter to grad, given
   * dOut = d loss / d output and the activations of the last forward pass (the chain rule,
   * layer by layer from the output back to the input).
   */
  public void backward(double[] w, double[] x, int off, Workspace ws, double[] dOut, double[] grad) {
    int last = layers() - 1;
    System.arraycopy(dOut, 0, ws.delta[last + 1], 0, outputs());
    for (int l = last; l >= 0; l--) {
      double[] in = l == 0 ? x : ws.a[l];
      int inOff = l == 0 ? off : 0;
      int n = sizes[l];
      double[] d = ws.delta[l + 1];
      for (int i = 0; i < sizes[l + 1]; i++) {
        double di = d[i];
        grad[bOff[l] + i] += di;
        if (di == 0) continue;
        int row = wOff[l] + i * n;
        for (int j = 0; j < n; j++) grad[row + j] += di * in[inOff + j];
      }
      if (l > 0) { // error at the previous layer's output: W^T delta, through the activation
        double[] prev = ws.delta[l];
        Arrays.fill(prev, 0.0);
        for (int i = 0; i < sizes[l + 1]; i++) {
          double di = d[i];
          if (di == 0) continue;
          int row = wOff[l] + i * n;
          for (int j = 0; j < n; j++) prev[j] += w[row + j] * di;
        }
        for (int j = 0; j < n; j++) prev[j] *= activation.slope(ws.a[l][j]);
      }
    }
  }

  /** Adds l2 * W (weights only, biases are not penalised) to grad. */
  public void addL2(double[] w, double l2, double[] grad) {
    if (l2 == 0) return;
    for (int l = 0; l < layers(); l++) {
      for (int i = wOff[l]; i < bOff[l]; i++) grad[i] += l2 * w[i];
    }
  }

  /**
   * Parameters that give on raw features x what w gives on standardized (x - mean) / std:
   * the first layer's weights are divided by std and its bias absorbs the means.
   */
  public double[] fold(double[] w, double[] mean, double[] std) {
    double[] f = w.clone();
    int n = sizes[0];
    for (int i = 0; i < sizes[1]; i++) {
      double shift = 0;
      for (int j = 0; j < n; j++) {
        int k = wOff[0] + i * n + j;
        f[k] = w[k] / std[j];
        shift += f[k] * mean[j];
      }
      f[bOff[0] + i] = w[bOff[0] + i] - shift;
    }
    return f;
  }
}
