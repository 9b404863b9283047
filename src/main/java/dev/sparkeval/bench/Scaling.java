package dev.sparkeval.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A least-squares line through (rows, seconds): cost per row, fixed cost, and how far points stray from it. */
public final class Scaling {
  private Scaling() {}

  public record Point(long rows, double seconds) {}

  public static Map<String, Object> fit(List<Point> points) {
    int n = points.size();
    double mx = 0, my = 0;
    for (Point p : points) {
      mx += p.rows() / 1e6;
      my += p.seconds();
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0;
    for (Point p : points) {
      double dx = p.rows() / 1e6 - mx;
      sxy += dx * (p.seconds() - my);
      sxx += dx * dx;
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double intercept = my - slope * mx;
    double worst = 0;
    List<Double> deviations = new ArrayList<>();
    for (Point p : points) {
      double fitted = intercept + slope * p.rows() / 1e6;
      double dev = fitted == 0 ? 0 : (p.seconds() - fitted) / fitted;
      deviations.add(dev);
      worst = Math.max(worst, Math.abs(dev));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds_per_million_rows", slope);
    m.put("intercept_s", intercept);
    m.put("relative_deviations", deviations);
    m.put("max_relative_deviation", worst);
    return m;
  }
}
