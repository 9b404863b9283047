package dev.sparkeval.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reference fixtures made by tools/fixtures/*.py with PyTorch and scikit-learn: rows by role,
 * options, and expected values by spec (null where the reference is undefined).
 */
public final class Fixtures {
  private Fixtures() {}

  public record Case(String name, Task task, JsonNode columns, JsonNode options, Map<String, Double> expected) {
    public boolean weighted() {
      return columns.has("weight") && !columns.get("weight").isNull();
    }

    public int rows() {
      return columns.has("label") ? columns.get("label").size() : columns.get("prediction").size();
    }

    /** Row i as an Example, filled the way the Spark reader fills it. */
    public Example example(int i) {
      Example e = new Example();
      Iterator<Map.Entry<String, JsonNode>> it = columns.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> c = it.next();
        if (c.getValue().isNull()) continue;
        JsonNode v = c.getValue().get(i);
        switch (c.getKey()) {
          case "label" -> { if (v.isArray()) e.labelVec = vec(v); else e.label = v.asDouble(); }
          case "prediction" -> { if (v.isArray()) e.predictionVec = vec(v); else e.prediction = v.asDouble(); }
          case "weight" -> e.weight = v.asDouble();
          case "target" -> e.target = v.asDouble();
          case "anchor" -> e.anchor = vec(v);
          case "positive" -> e.positive = vec(v);
          case "negative" -> e.negative = vec(v);
          case "features" -> e.features = vec(v);
          default -> { } // extra columns (slices) are not part of an Example
        }
      }
      return e;
    }

    public boolean option(String key, boolean dflt) {
      return options.has(key) ? options.get(key).asBoolean() : dflt;
    }

    public double option(String key, double dflt) {
      return options.has(key) ? options.get(key).asDouble() : dflt;
    }

    public double[] doubles(String key) {
      return options.has(key) && !options.get(key).isNull() ? vec(options.get(key)) : null;
    }
  }

  static double[] vec(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
    return d;
  }

  public static List<Case> load(String task) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + task + ".json")) {
      if (in == null) throw new IllegalStateException("no fixture file fixtures/" + task + ".json");
      JsonNode root = new ObjectMapper().readTree(in);
      List<Case> out = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        Map<String, Double> exp = new java.util.LinkedHashMap<>();
        c.get("expected").fields().forEachRemaining(f -> exp.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asDouble()));
        out.add(new Case(c.get("name").asText(), Task.parse(root.get("task").asText()), c.get("columns"),
            c.has("options") ? c.get("options") : new ObjectMapper().createObjectNode(), exp));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative closeness as the project's standard asks: 1e-12 of the larger magnitude. */
  public static boolean close(double actual, double expected, double rel) {
    if (actual == expected) return true;
    return Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected));
  }
}
