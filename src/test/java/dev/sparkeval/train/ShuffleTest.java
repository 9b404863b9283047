package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Reduction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The epoch shuffle: a permutation, seeded, different every epoch; batches partition the rows. */
class ShuffleTest {
  static long[] perm(long seed, long epoch, int n) {
    Shuffle s = new Shuffle(seed, epoch, n);
    long[] p = new long[n];
    for (int i = 0; i < n; i++) p[i] = s.position(i);
    return p;
  }

  @Test
  void isAPermutationForEverySize() {
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 100, 1000, 1023, 1024, 1025, 4097}) {
      long[] p = perm(42, 1, n);
      boolean[] seen = new boolean[n];
      for (long x : p) {
        assertTrue(x >= 0 && x < n);
        assertFalse(seen[(int) x], "position " + x + " twice for n=" + n);
        seen[(int) x] = true;
      }
    }
  }

  @Test
  void sameSeedSameOrderNewEpochNewOrder() {
    assertArrayEquals(perm(7, 3, 500), perm(7, 3, 500));
    assertFalse(Arrays.equals(perm(7, 3, 500), perm(7, 4, 500)), "reshuffled every epoch");
    assertFalse(Arrays.equals(perm(7, 3, 500), perm(8, 3, 500)), "the seed matters");
    // Not the identity, and rows far apart in the table land in the same batches.
    long[] p = perm(1, 1, 1000);
    int fixed = 0;
    for (int i = 0; i < p.length; i++) if (p[i] == i) fixed++;
    assertTrue(fixed < 10, "a shuffle moves almost every row: " + fixed + " fixed points");
  }

  /** Every epoch: ceil(n / b) iterations, each of b rows but the last, covering every row exactly once. */
  @Test
  void iterationsPerEpochAndEveryRowOnce() {
    int n = 103, d = 2;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
      y[i] = i;
    }
    for (int parts : new int[] {1, 3, 7}) {
      for (long b : new long[] {1, 10, 32, 103, 500}) {
        List<Block> blocks = LocalBatches.blocks(x, y, parts);
        Network net = ModelSpec.parse("linear").network(d, 1);
        LocalBatches lb = new LocalBatches(blocks, blocks, 9, b, net, new PointObjective(new dev.sparkeval.loss.SquaredError(), Reduction.MEAN));
        long iters = (n + b - 1) / b;
        for (int e = 1; e <= 2; e++) {
          lb.epoch(e);
          lb.batchRows.clear();
          boolean[] seen = new boolean[n];
          for (long k = 0; k < iters; k++) {
            StepSums s = lb.step(k, new double[net.size()]);
            assertEquals(k < iters - 1 ? b : n - (iters - 1) * b, s.rows, "batch " + k);
          }
          for (int p = 0; p < blocks.size(); p++) {
            for (long key : blocks.get(p).order(new Shuffle(9, e, n), offset(blocks, p), b)) {
              int row = (int) blocks.get(p).y[(int) (key % blocks.get(p).n)];
              assertFalse(seen[row]);
              seen[row] = true;
            }
          }
          for (boolean s : seen) assertTrue(s);
          assertEquals(0, lb.step(iters, new double[net.size()]).rows, "nothing beyond the last batch");
        }
      }
    }
  }

  static long offset(List<Block> blocks, int p) {
    long o = 0;
    for (int i = 0; i < p; i++) o += blocks.get(i).n;
    return o;
  }

  /** A batch holds the rows whose shuffled position falls in its range, wherever they are stored. */
  @Test
  void batchesAreTheSameRowsAtAnyPartitioning() {
    int n = 50;
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = i;
    Shuffle s = new Shuffle(3, 2, n);
    for (int parts : new int[] {1, 4}) {
      List<Block> blocks = LocalBatches.blocks(x, y, parts);
      for (int p = 0; p < parts; p++) {
        long[] keys = blocks.get(p).order(s, offset(blocks, p), 8);
        for (long k : keys) {
          int local = (int) (k % blocks.get(p).n);
          int row = (int) blocks.get(p).y[local];
          assertEquals(s.position(row) / 8, k / blocks.get(p).n);
        }
      }
    }
  }
}
