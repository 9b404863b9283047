package dev.sparkeval.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  @SuppressWarnings("unchecked")
  public static ModelFile read(Path path) {
    Map<String, Object> m;
    try {
      m = JSON.readValue(Files.readString(path), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UsageException("--model '" + path + "' cannot be read as model.json: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!"sparkeval-model".equals(m.get("format"))) throw new UsageException("--model '" + path + "' is not a sparkeval model.json");
    List<Integer> sz = (List<Integer>) m.get("sizes");
    int[] sizes = sz.stream().mapToInt(Integer::intValue).toArray();
    Network net = new Network(sizes, Activation.parse((String) m.get("activation")));
    double[] w = new double[net.size()];
    List<Map<String, Object>> layers = (List<Map<String, Object>>) m.get("layers");
    for (int l = 0; l < net.layers(); l++) {
      List<List<Number>> wl = (List<List<Number>>) layers.get(l).get("weights");
      List<Number> b = (List<Number>) layers.get(l).get("bias");
      for (int i = 0; i < sizes[l + 1]; i++) {
        for (int j = 0; j < sizes[l]; j++) w[net.weightOffset(l) + i * sizes[l] + j] = wl.get(i).get(j).doubleValue();
        w[net.biasOffset(l) + i] = b.get(i).doubleValue();
      }
    }
    Map<String, Object> st = (Map<String, Object>) m.get("standardization");
    return new ModelFile((String) m.get("model"), Task.parse((String) m.get("task")), (String) m.get("loss"),
        (List<String>) m.get("features"), (String) m.get("features_column"), (String) m.get("label"),
        ((Number) m.get("classes")).intValue(), net, w, doubles(st.get("mean")), doubles(st.get("std")));
  }

  private static double[] doubles(Object o) {
    List<?> l = (List<?>) o;
    double[] d = new double[l.size()];
    for (int i = 0; i < d.length; i++) d[i] = ((Number) l.get(i)).doubleValue();
    return d;
  }

  /** One row scored as Spark ML lays it out: raw prediction, probability (classification) and prediction. */
  public record Scored(double[] raw, double[] probability, double prediction) {}

  public Scored score(double[] x, Network.Workspace ws) {
    double[] out = network.forward(weights, x, 0, ws);
    return switch (task) {
      case BINARY -> {
        double p = Logistic.sigmoid(out[0]);
        yield new Scored(new double[] {-out[0], out[0]}, new double[] {1 - p, p}, p > 0.5 ? 1.0 : 0.0);
      }
      case MULTICLASS -> {
        double[] p = new double[out.length];
        Logistic.softmax(out, out.length, p);
        int best = 0;
        for (int i = 1; i < out.length; i++) if (out[i] > out[best]) best = i;
        yield new Scored(out.clone(), p, best);
      }
      default -> new Scored(null, null, out[0]);
    };
  }
}
