package dev.sparkeval.state;

import java.util.List;

/** A state finished by walking an {@link OrderStat}'s values in order: what the sort job runs for it. */
public interface Walked {
  /** The prototype of the values walked (found by key in the same state set). */
  OrderStat source();

  /** The walker of one channel, from the totals the pass gathered in {@code data}. */
  OrderWalk.Walker walker(OrderStat data, int channel);

  /** The sort job's walks of one channel, in stream order. */
  void complete(int channel, List<OrderWalk> walks);
}
