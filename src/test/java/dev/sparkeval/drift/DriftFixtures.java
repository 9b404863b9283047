package dev.sparkeval.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** tools/fixtures/drift.py's cases: both tables' values, weights and slices, and scipy's expected drift. */
public final class DriftFixtures {
  private DriftFixtures() {}

  /** One table of a case. */
  public record Side(double[] x, double[] w, String[] segment) {
    static Side of(JsonNode n) {
      double[] x = new double[n.get("x").size()];
      double[] w = new double[x.length];
      String[] s = new String[x.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = n.get("x").get(i).asDouble();
        w[i] = n.get("w").get(i).asDouble();
        s[i] = n.get("segment").get(i).asText();
      }
      return new Side(x, w, s);
    }

    public boolean unit() {
      for (double v : w) if (v != 1) return false;
      return true;
    }

    /** The rows of one segment. */
    public Side slice(String seg) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < x.length; i++) if (segment[i].equals(seg)) idx.add(i);
      double[] xs = new double[idx.size()], ws = new double[idx.size()];
      String[] ss = new String[idx.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = x[idx.get(i)];
        ws[i] = w[idx.get(i)];
        ss[i] = seg;
      }
      return new Side(xs, ws, ss);
    }
  }

  public record Case(String name, Side reference, Side current, JsonNode expected) {}

  public static List<Case> load() throws IOException {
    try (InputStream in = DriftFixtures.class.getResourceAsStream("/fixtures/drift.json")) {
      if (in == null) throw new IOException("fixtures/drift.json missing: run tools/fixtures/drift.py");
      JsonNode root = new ObjectMapper().readTree(in);
      List<Case> out = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        out.add(new Case(c.get("name").asText(), Side.of(c.get("reference")), Side.of(c.get("current")), c.get("expected")));
      }
      return out;
    }
  }
}
