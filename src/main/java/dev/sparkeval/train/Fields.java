package dev.sparkeval.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON file we wrote (model.json, checkpoint.json) without trusting it:
 * every field is checked for presence, type, range and length, and a bad one is refused with one
 * line naming the file, the field and what was expected, instead of a ClassCastException later.
 */
final class Fields {
  private final String source;

  /** source: how messages name the file, e.g. "--model 'out/model.json'". */
  Fields(String source) {
    this.source = source;
  }

  /**
   * The file's JSON object when its "format" is format and its "version" 1; else a refusal naming
   * the file (source) and saying it is not a {@code what}.
   */
  JsonNode read(Path file, String format, String what) {
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException(source + " cannot be read as " + what + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (m == null || !m.isObject() || !format.equals(m.path("format").asText(null))) {
      throw new UsageException(source + " is not a " + what + " (its \"format\" is not \"" + format + "\")");
    }
    integer(m, "", "version", 1, 1);
    return m;
  }

  static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  UsageException bad(String path, String expected, JsonNode got) {
    return new UsageException(source + ": field '" + path + "' must be " + expected + ", got " + describe(got)
        + "; write the file again (train writes it) or fix that field");
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) return "nothing (the field is missing)";
    if (n.isNull()) return "null";
    if (n.isTextual()) {
      String t = n.asText();
      return "the text \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
    }
    if (n.isNumber() || n.isBoolean()) return n.asText();
    if (n.isArray()) return "a list of " + n.size();
    return "an object";
  }

  JsonNode object(JsonNode parent, String path, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isObject()) throw bad(at(path, field), "an object", n);
    return n;
  }

  String text(JsonNode parent, String path, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) throw bad(at(path, field), "a text", n);
    return n.asText();
  }

  String textOrNull(JsonNode parent, String path, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw bad(at(path, field), "a text or null", n);
    return n.asText();
  }

  long integer(JsonNode parent, String path, String field, long min, long max) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
      throw bad(at(path, field), "a whole number in [" + min + ", " + (max == Long.MAX_VALUE ? "inf" : max) + "]", n);
    }
    return n.asLong();
  }

  boolean bool(JsonNode parent, String path, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isBoolean()) throw bad(at(path, field), "true or false", n);
    return n.asBoolean();
  }

  /** A finite number, or null when nullable and the field is null or missing. */
  Double number(JsonNode parent, String path, String field, boolean nullable) {
    JsonNode n = parent.get(field);
    if (nullable && (n == null || n.isNull())) return null;
    if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw bad(at(path, field), "a finite number" + (nullable ? " or null" : ""), n);
    }
    return n.asDouble();
  }

  /** A list of finite numbers of the given length (any length when length < 0); null when nullable and null. */
  double[] doubles(JsonNode parent, String path, String field, int length, boolean nullable) {
    JsonNode n = parent.get(field);
    String name = at(path, field);
    if (nullable && (n == null || n.isNull())) return null;
    String expected = "a list of " + (length >= 0 ? length + " " : "") + "finite numbers" + (nullable ? " or null" : "");
    if (n == null || !n.isArray() || (length >= 0 && n.size() != length)) throw bad(name, expected, n);
    double[] d = new double[n.size()];
    for (int i = 0; i < d.length; i++) {
      JsonNode x = n.get(i);
      if (!x.isNumber() || !Double.isFinite(x.asDouble())) throw bad(name + "[" + i + "]", "a finite number", x);
      d[i] = x.asDouble();
    }
    return d;
  }

  /** Element i of a list as a whole number in [min, max]; path names the list. */
  long integerAt(JsonNode list, String path, int i, long min, long max) {
    JsonNode n = list.get(i);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
      throw bad(path + "[" + i + "]", "a whole number in [" + min + ", " + max + "]", n);
    }
    return n.asLong();
  }

  /** Element i of a list as a list of length finite numbers; path names the outer list. */
  double[] doublesAt(JsonNode list, String path, int i, int length) {
    JsonNode n = list.get(i);
    String name = path + "[" + i + "]";
    if (n == null || !n.isArray() || n.size() != length) throw bad(name, "a list of " + length + " finite numbers", n);
    double[] d = new double[length];
    for (int j = 0; j < length; j++) {
      if (!n.get(j).isNumber() || !Double.isFinite(n.get(j).asDouble())) throw bad(name + "[" + j + "]", "a finite number", n.get(j));
      d[j] = n.get(j).asDouble();
    }
    return d;
  }

  /** A list of texts (any length); null when nullable and null. */
  List<String> texts(JsonNode parent, String path, String field, boolean nullable) {
    JsonNode n = parent.get(field);
    String name = at(path, field);
    if (nullable && (n == null || n.isNull())) return null;
    if (n == null || !n.isArray()) throw bad(name, "a list of texts" + (nullable ? " or null" : ""), n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) throw bad(name + "[" + i + "]", "a text", n.get(i));
      out.add(n.get(i).asText());
    }
    return out;
  }

  /** A list (of anything; the caller checks the items) of the given length (any when length < 0). */
  JsonNode list(JsonNode parent, String path, String field, int length) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isArray() || (length >= 0 && n.size() != length)) {
      throw bad(at(path, field), "a list" + (length >= 0 ? " of " + length : ""), n);
    }
    return n;
  }
}
