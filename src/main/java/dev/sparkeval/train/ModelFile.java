package dev.sparkeval.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.Decisions;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * model.json: a trained network on raw features (standardization folded into the first layer),
 * its task and the columns it reads, and how to turn its outputs into Spark ML's columns.
 */
public record ModelFile(String model, Task task, String loss, List<String> features, String featuresColumn,
                        String label, int classes, Network network, double[] weights, double[] mean, double[] std)
    implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The link from raw outputs to probabilities, as written in the file. */
  public String output() {
    return switch (task) {
      case BINARY -> "sigmoid";
      case MULTICLASS -> "softmax";
      default -> "identity";
    };
  }

  public String json() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "sparkeval-model");
    m.put("version", 1);
    m.put("model", model);
    m.put("task", task.id());
    m.put("loss", loss);
    m.put("features", features);
    m.put("features_column", featuresColumn);
    m.put("label", label);
    m.put("classes", classes);
    m.put("output", output());
    m.put("sizes", network.sizes());
    m.put("activation", network.activation().id());
    List<Object> layers = new ArrayList<>();
    int[] sizes = network.sizes();
    for (int l = 0; l < network.layers(); l++) {
      double[][] wl = new double[sizes[l + 1]][sizes[l]];
      for (int i = 0; i < sizes[l + 1]; i++) {
        System.arraycopy(weights, network.weightOffset(l) + i * sizes[l], wl[i], 0, sizes[l]);
      }
      double[] b = new double[sizes[l + 1]];
      System.arraycopy(weights, network.biasOffset(l), b, 0, b.length);
      layers.add(Map.of("weights", wl, "bias", b));
    }
    m.put("layers", layers);
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("mean", mean);
    st.put("std", std);
    st.put("note", "training standardized the features with these; the weights above already include it and apply to raw features");
    m.put("standardization", st);
    return JSON.writeValueAsString(m) + "\n";
  }

  /**
   * Reads a model.json, checking every field it relies on (presence, type, range, and the layer
   * shapes against "sizes"); a bad one is refused naming the field and what was expected.
   */
  public static ModelFile read(Path path) {
    Fields f = new Fields("--model '" + path + "'");
    JsonNode m = f.read(path, "sparkeval-model", "sparkeval model.json");
    String model = f.text(m, "", "model");
    String taskId = f.text(m, "", "task");
    Task task = switch (taskId) {
      case "regression" -> Task.REGRESSION;
      case "binary" -> Task.BINARY;
      case "multiclass" -> Task.MULTICLASS;
      default -> throw f.bad("task", "regression, binary or multiclass", m.get("task"));
    };
    List<String> features = f.texts(m, "", "features", true);
    String featuresColumn = f.textOrNull(m, "", "features_column");
    if ((features == null) == (featuresColumn == null)) {
      throw f.bad("features", "a list of feature columns when features_column is null (and null otherwise)", m.get("features"));
    }
    int classes = switch (task) {
      case REGRESSION -> (int) f.integer(m, "", "classes", 1, 1);
      case BINARY -> (int) f.integer(m, "", "classes", 2, 2);
      default -> (int) f.integer(m, "", "classes", 2, 100_000);
    };
    JsonNode sz = f.list(m, "", "sizes", -1);
    if (sz.size() < 2) throw f.bad("sizes", "a list of at least 2 layer sizes (inputs, ..., outputs)", sz);
    int[] sizes = new int[sz.size()];
    for (int i = 0; i < sizes.length; i++) sizes[i] = (int) f.integerAt(sz, "sizes", i, 1, 1_000_000);
    int outputs = task == Task.MULTICLASS ? classes : 1;
    if (sizes[sizes.length - 1] != outputs) {
      throw f.bad("sizes[" + (sizes.length - 1) + "]", outputs + " (the outputs of a " + task.id() + " model"
          + (task == Task.MULTICLASS ? " with " + classes + " classes" : "") + ")", sz.get(sizes.length - 1));
    }
    if (features != null && sizes[0] != features.size()) {
      throw f.bad("sizes[0]", features.size() + " (one input per name in features)", sz.get(0));
    }
    Activation activation;
    try {
      activation = Activation.parse(f.text(m, "", "activation"));
    } catch (UsageException e) {
      throw f.bad("activation", "relu, tanh or sigmoid", m.get("activation"));
    }
    Network net = new Network(sizes, activation);
    double[] w = new double[net.size()];
    JsonNode layers = f.list(m, "", "layers", net.layers());
    for (int l = 0; l < net.layers(); l++) {
      String at = "layers[" + l + "]";
      if (!layers.get(l).isObject()) throw f.bad(at, "an object with weights and bias", layers.get(l));
      JsonNode rows = f.list(layers.get(l), at, "weights", sizes[l + 1]);
      for (int i = 0; i < sizes[l + 1]; i++) {
        double[] row = f.doublesAt(rows, at + ".weights", i, sizes[l]);
        System.arraycopy(row, 0, w, net.weightOffset(l) + i * sizes[l], sizes[l]);
      }
      System.arraycopy(f.doubles(layers.get(l), at, "bias", sizes[l + 1], false), 0, w, net.biasOffset(l), sizes[l + 1]);
    }
    double[] mean = new double[sizes[0]];
    double[] std = new double[sizes[0]];
    Arrays.fill(std, 1.0);
    JsonNode st = m.get("standardization");
    if (st != null && !st.isNull()) { // informational (already folded into the weights); checked when present
      if (!st.isObject()) throw f.bad("standardization", "an object with mean and std, or null", st);
      mean = f.doubles(st, "standardization", "mean", sizes[0], false);
      std = f.doubles(st, "standardization", "std", sizes[0], false);
    }
    return new ModelFile(model, task, f.textOrNull(m, "", "loss"), features, featuresColumn, f.text(m, "", "label"),
        classes, net, w, mean, std);
  }

  /** One row scored as Spark ML lays it out: raw prediction, probability (classification) and prediction. */
  public record Scored(double[] raw, double[] probability, double prediction) {}

  public Scored score(double[] x, Network.Workspace ws) {
    double[] out = network.forward(weights, x, 0, ws);
    return switch (task) {
      case BINARY -> {
        double p = Decisions.sigmoid(out[0]);
        yield new Scored(new double[] {-out[0], out[0]}, new double[] {1 - p, p}, p > 0.5 ? 1.0 : 0.0);
      }
      case MULTICLASS -> {
        double[] p = new double[out.length];
        Decisions.softmax(out, p);
        int best = 0;
        for (int i = 1; i < out.length; i++) if (out[i] > out[best]) best = i;
        yield new Scored(out.clone(), p, best);
      }
      default -> new Scored(null, null, out[0]);
    };
  }
}
