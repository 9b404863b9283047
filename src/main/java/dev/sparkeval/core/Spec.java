package dev.sparkeval.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A loss or metric as the user wrote it: {@code NAME} or {@code NAME:key=value,key=value}. */
public record Spec(String text, String name, Map<String, String> params) {

  public static Spec parse(String text) {
    if (text == null || text.isBlank()) throw new UsageException("empty loss/metric spec; expected NAME or NAME:key=value,...");
    String t = text.trim();
    int colon = t.indexOf(':');
    String name = (colon < 0 ? t : t.substring(0, colon)).trim();
    Map<String, String> params = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = t.substring(colon + 1).trim();
      if (!rest.isEmpty()) {
        for (String kv : rest.split(",")) {
          int eq = kv.indexOf('=');
          if (eq <= 0 || eq == kv.length() - 1) {
            throw new UsageException("bad parameter '" + kv.trim() + "' in spec '" + text + "'; expected key=value, as in huber:delta=0.5");
          }
          String k = kv.substring(0, eq).trim();
          if (params.put(k, kv.substring(eq + 1).trim()) != null) {
            throw new UsageException("parameter '" + k + "' given twice in spec '" + text + "'");
          }
        }
      }
    }
    if (name.isEmpty()) throw new UsageException("spec '" + text + "' has no name; expected NAME or NAME:key=value,...");
    return new Spec(text, name, Collections.unmodifiableMap(params));
  }
}
