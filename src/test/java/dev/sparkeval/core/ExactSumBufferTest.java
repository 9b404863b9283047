package dev.sparkeval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The large accumulator against BigDecimal sums and against today's ExactSum added one value at a time. */
class ExactSumBufferTest {
  private final ExactSumBuffer buffer = new ExactSumBuffer();

  /** Values that stress every branch: extreme and subnormal exponents, signed zeros, cancellation. */
  static double[] adversarial(Random r, int n, boolean specials) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (r.nextInt(specials ? 14 : 11)) {
        case 0 -> Double.MAX_VALUE * (r.nextBoolean() ? 1 : -1) * r.nextDouble();
        case 1 -> Double.MIN_VALUE * r.nextInt(1 << 20) * (r.nextBoolean() ? 1 : -1); // subnormal
        case 2 -> Double.MIN_NORMAL * (1 + r.nextDouble());
        case 3 -> r.nextBoolean() ? 0.0 : -0.0;
        case 4 -> i > 0 ? -v[r.nextInt(i)] : 1.0; // exact cancellation of an earlier value
        case 5 -> Math.scalb(1 + r.nextDouble(), r.nextInt(2098) - 1074);
        case 6 -> 2 - Math.ulp(2.0); // full mantissa: folds entries early
        case 7 -> -Math.ulp(1.0) / 2;
        case 8, 9, 10 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
        case 11 -> Double.POSITIVE_INFINITY;
        case 12 -> Double.NEGATIVE_INFINITY;
        default -> Double.NaN;
      };
    }
    return v;
  }

  static BigDecimal bigSum(double[] v, int n) {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) s = s.add(new BigDecimal(v[i]));
    return s;
  }

  static void assertSame(ExactSum expected, ExactSum actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected.value()), Double.doubleToRawLongBits(actual.value()), what);
    assertEquals(expected.isFinite(), actual.isFinite(), what);
    if (expected.isFinite()) assertEquals(0, expected.exact().compareTo(actual.exact()), what);
  }

  /** The buffer's sum of v, checked against the one-by-one sum (and, when finite, BigDecimal's). */
  ExactSum checked(double[] v, String what) {
    ExactSum fast = new ExactSum();
    buffer.add(v, v.length, fast);
    ExactSum slow = new ExactSum();
    for (double x : v) slow.add(x);
    assertSame(slow, fast, what);
    if (fast.isFinite()) assertEquals(0, bigSum(v, v.length).compareTo(fast.exact()), what);
    return fast;
  }

  @Test
  void sumsEqualBigDecimalAndOneByOneAdds() {
    Random r = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(trial < 100 ? 20 : 5000);
      double[] v = adversarial(r, n, false);
      assertEquals(bigSum(v, n).doubleValue(), checked(v, "trial " + trial).value(), "trial " + trial);
    }
  }

  @Test
  void theFastPathOfNormalNumbersAndZeros() {
    Random r = new Random(8);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(trial < 100 ? 30 : 6000);
      double[] v = adversarial(r, n, false);
      for (int i = 0; i < n; i++) {
        if (v[i] != 0 && Math.abs(v[i]) < Double.MIN_NORMAL) v[i] = Math.copySign(Double.MIN_NORMAL, v[i]) * (1 + r.nextInt(9));
      }
      if (trial % 10 == 0) java.util.Arrays.fill(v, trial % 20 == 0 ? 0.0 : -0.0);
      checked(v, "trial " + trial);
    }
  }

  @Test
  void infinitiesAndNanAsTheSmallSumCountsThem() {
    Random r = new Random(4);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(50);
      double[] v = adversarial(r, n, true);
      checked(v, Arrays.toString(v));
    }
    ExactSum s = new ExactSum();
    buffer.add(new double[] {Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY}, 3, s);
    assertTrue(Double.isNaN(s.value()));
  }

  @Test
  void entriesFoldBeforeTheyOverflow() {
    int n = 3_000_000; // far more full mantissas at one exponent than a long holds
    double[] v = new double[n];
    Arrays.fill(v, 2 - Math.ulp(2.0));
    ExactSum s = new ExactSum();
    buffer.add(v, n, s);
    assertEquals(0, new BigDecimal(2 - Math.ulp(2.0)).multiply(BigDecimal.valueOf(n)).compareTo(s.exact()));
    Arrays.fill(v, -Double.MAX_VALUE);
    ExactSum t = new ExactSum();
    buffer.add(v, n, t);
    buffer.add(new double[] {Double.MAX_VALUE}, 1, t);
    assertEquals(0, new BigDecimal(-Double.MAX_VALUE).multiply(BigDecimal.valueOf(n - 1)).compareTo(t.exact()));
  }

  @Test
  void productsEqualExactSumAddProduct() {
    Random r = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(2000);
      boolean specials = trial % 4 == 3;
      double[] a = adversarial(r, n, specials), b = adversarial(r, n, specials), c = adversarial(r, n, specials);
      ExactSum two = new ExactSum(), three = new ExactSum(), twoSlow = new ExactSum(), threeSlow = new ExactSum();
      buffer.addProducts(a, b, n, two);
      buffer.addProducts(a, b, c, n, three);
      for (int i = 0; i < n; i++) {
        twoSlow.addProduct(a[i], b[i]);
        threeSlow.addProduct(a[i], b[i], c[i]);
      }
      assertSame(twoSlow, two, "a*b, trial " + trial);
      assertSame(threeSlow, three, "a*b*c, trial " + trial);
    }
  }

  @Test
  void exactProductsOfOrdinaryValuesAgainstBigDecimal() {
    Random r = new Random(6);
    int n = 5000;
    double[] a = new double[n], b = new double[n];
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian() * 1e3;
      b[i] = r.nextGaussian() * 1e-3;
      expected = expected.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
    }
    ExactSum s = new ExactSum();
    buffer.addProducts(a, b, n, s);
    assertEquals(0, expected.compareTo(s.exact()));
  }

  @Test
  void bufferIsEmptyBetweenCallsAndSplitsMergeToTheWhole() {
    Random r = new Random(7);
    double[] v = adversarial(r, 10_000, false);
    ExactSum whole = new ExactSum();
    buffer.add(v, v.length, whole);
    for (int trial = 0; trial < 20; trial++) {
      int cut = r.nextInt(v.length);
      ExactSum left = new ExactSum(), right = new ExactSum();
      buffer.add(v, cut, left);
      double[] rest = Arrays.copyOfRange(v, cut, v.length);
      buffer.add(rest, rest.length, right);
      left.merge(right);
      assertSame(whole, left, "cut at " + cut);
    }
  }
}
