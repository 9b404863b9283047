package dev.sparkeval.spark.eval;

import org.apache.spark.TaskContext;
import org.apache.spark.memory.MemoryConsumer;
import org.apache.spark.memory.MemoryMode;
import org.apache.spark.memory.TaskMemoryManager;

/**
 * The memory a task's {@link QueryTable} holds, asked of Spark's memory manager as Spark's own
 * maps and sorters ask for theirs, so that the tasks of an executor share its memory. The table
 * cannot spill (it holds whole queries until its range is read), so a refusal makes it overflow,
 * and the pass runs again in smaller ranges.
 */
final class TaskMemory extends MemoryConsumer {
  private final long limit;
  private long held;

  private TaskMemory(TaskMemoryManager manager, long limit) {
    super(manager, 0, MemoryMode.ON_HEAP); // no pages: only the count of bytes
    this.limit = limit;
  }

  /** The memory of the running task (outside a task, only the limit counts); at most limit bytes. */
  static TaskMemory ofTask(long limit) {
    TaskContext c = TaskContext.get();
    return new TaskMemory(c == null ? null : c.taskMemoryManager(), limit);
  }

  /** Asks for bytes more; false when they are refused (nothing is then held for them). */
  boolean grow(long bytes) {
    if (held + bytes > limit) return false;
    if (taskMemoryManager != null) {
      long got = acquireMemory(bytes);
      if (got < bytes) {
        freeMemory(got);
        return false;
      }
    }
    held += bytes;
    return true;
  }

  /** Gives back everything held. */
  void release() {
    if (taskMemoryManager != null && held > 0) freeMemory(held);
    held = 0;
  }

  @Override
  public long spill(long size, MemoryConsumer trigger) {
    return 0; // nothing can be written out: see the class comment
  }
}
