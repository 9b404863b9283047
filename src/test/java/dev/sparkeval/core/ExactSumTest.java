package dev.sparkeval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  static double reference(List<Double> xs) {
    BigDecimal s = BigDecimal.ZERO;
    for (double x : xs) s = s.add(new BigDecimal(x));
    return s.round(new MathContext(60)).doubleValue();
  }

  static double sum(List<Double> xs) {
    ExactSum s = new ExactSum();
    for (double x : xs) s.add(x);
    return s.value();
  }

  @Test
  void cancellationThatNaiveSummationGetsWrong() {
    List<Double> xs = List.of(1e100, 1.0, -1e100, 1e-100, 3.0);
    assertEquals(4.0 + 1e-100, sum(xs));
    assertEquals(reference(List.of(0.1, 0.2, -0.3)), sum(List.of(0.1, 0.2, -0.3))); // 2^-55, not the naive 5.55e-17
  }

  @Test
  void matchesBigDecimalOnWideRandomData() {
    Random r = new Random(1);
    for (int trial = 0; trial < 50; trial++) {
      List<Double> xs = new ArrayList<>();
      int n = 1 + r.nextInt(5000);
      for (int i = 0; i < n; i++) {
        double x = r.nextGaussian() * Math.pow(10, r.nextInt(60) - 30);
        xs.add(r.nextInt(50) == 0 ? Double.MIN_VALUE * r.nextInt(1000) : x);
      }
      assertEquals(reference(xs), sum(xs), "trial " + trial);
    }
  }

  @Test
  void orderAndMergeIndependentBitForBit() {
    Random r = new Random(2);
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < 20000; i++) xs.add(r.nextGaussian() * 1e8 + (r.nextBoolean() ? 1e-8 : 0));
    double once = sum(xs);
    for (int trial = 0; trial < 10; trial++) {
      Collections.shuffle(xs, r);
      int k = 1 + r.nextInt(9);
      ExactSum[] parts = new ExactSum[k];
      for (int i = 0; i < k; i++) parts[i] = new ExactSum();
      for (double x : xs) parts[r.nextInt(k)].add(x);
      ExactSum all = new ExactSum();
      for (ExactSum p : parts) all.merge(p);
      assertEquals(Double.doubleToLongBits(once), Double.doubleToLongBits(all.value()));
    }
  }

  @Test
  void roundsHalfToEvenAndHandlesExtremes() {
    assertEquals(1.0, sum(List.of(1.0, Math.ulp(1.0) / 2)));                    // tie: stays even
    assertEquals(1.0 + 2 * Math.ulp(1.0), sum(List.of(1.0 + Math.ulp(1.0), Math.ulp(1.0) / 2)));
    assertEquals(Double.MAX_VALUE, sum(List.of(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE)));
    assertEquals(Double.POSITIVE_INFINITY, sum(List.of(Double.MAX_VALUE, Double.MAX_VALUE)));
    assertEquals(Double.MIN_VALUE, sum(List.of(Double.MIN_VALUE)));
    assertEquals(-0.0 + 0.0, sum(List.of()));
    assertEquals(Double.NaN, sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    assertEquals(Double.POSITIVE_INFINITY, sum(List.of(1.0, Double.POSITIVE_INFINITY)));
  }

  @Test
  void manyAddsTriggerCarriesCorrectly() {
    ExactSum s = new ExactSum();
    for (int i = 0; i < 3_000_000; i++) s.add(Double.MAX_VALUE / 4e6);
    for (int i = 0; i < 3_000_000; i++) s.add(-(Double.MAX_VALUE / 4e6));
    s.add(1.5);
    assertEquals(1.5, s.value());
  }

  @Test
  void exactProductsAndDecimalView() {
    ExactSum s = new ExactSum();
    double a = 1 + Math.ulp(1.0), b = 1 - Math.ulp(1.0);
    s.addProduct(a, b);
    s.add(-1.0);
    BigDecimal exact = new BigDecimal(a).multiply(new BigDecimal(b)).subtract(BigDecimal.ONE);
    assertEquals(0, exact.compareTo(s.exact()));
    ExactSum t = new ExactSum();
    t.addProduct(3.0, a, b);
    assertEquals(0, new BigDecimal(a).multiply(new BigDecimal(b)).multiply(BigDecimal.valueOf(3)).compareTo(t.exact()));
  }
}
