package dev.sparkeval.spark.eval;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * The map side of {@link OrderShuffle#sorted}: records packed per sort range into byte chunks, so
 * the shuffle moves a few large arrays instead of serializing three objects per record. A record
 * is {unit int, key length byte, value length byte, key[1..] longs, value doubles}
 * ({@link RangeSort} reads it back).
 */
final class RangePacker implements Iterator<Tuple2<Integer, byte[]>> {
  /** Bytes a chunk holds before it leaves: large enough to cost nothing per record, small enough to stream. */
  static final int CHUNK = 1 << 20;

  private final Iterator<Tuple2<long[], double[]>> in;
  private final OrderShuffle.Ranges ranges;
  private final ByteBuffer[] buffers;
  private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
  private boolean flushed;

  RangePacker(Iterator<Tuple2<long[], double[]>> in, OrderShuffle.Ranges ranges) {
    this.in = in;
    this.ranges = ranges;
    this.buffers = new ByteBuffer[ranges.numPartitions()];
  }

  @Override public boolean hasNext() {
    while (ready.isEmpty() && in.hasNext()) add(in.next());
    if (ready.isEmpty() && !flushed) {
      flushed = true;
      for (int p = 0; p < buffers.length; p++) emit(p);
    }
    return !ready.isEmpty();
  }

  @Override public Tuple2<Integer, byte[]> next() {
    if (!hasNext()) throw new NoSuchElementException();
    return ready.poll();
  }

  private void add(Tuple2<long[], double[]> rec) {
    long[] k = rec._1();
    double[] v = rec._2();
    if (k.length < 2 || k.length > 3 || v.length > 7) {
      throw new IllegalArgumentException("a sort record is {unit, bits[, tag]} -> at most 7 doubles, not " + k.length + " -> " + v.length);
    }
    int p = ranges.range(k[0]);
    int size = 6 + 8 * (k.length - 1 + v.length);
    ByteBuffer b = buffers[p];
    if (b == null) b = buffers[p] = ByteBuffer.allocate(64 << 10);
    if (b.remaining() < size) {
      if (b.capacity() >= CHUNK) {
        emit(p);
      } else {
        ByteBuffer grown = ByteBuffer.allocate(Math.min(CHUNK, 4 * b.capacity()));
        b.flip();
        grown.put(b);
        buffers[p] = grown;
      }
      b = buffers[p];
    }
    b.putInt((int) k[0]).put((byte) k.length).put((byte) v.length);
    for (int i = 1; i < k.length; i++) b.putLong(k[i]);
    for (double x : v) b.putDouble(x);
  }

  private void emit(int p) {
    ByteBuffer b = buffers[p];
    if (b == null || b.position() == 0) return;
    ready.add(new Tuple2<>(p, Arrays.copyOf(b.array(), b.position())));
    b.clear();
  }
}
