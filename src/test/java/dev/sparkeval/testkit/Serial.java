package dev.sparkeval.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** A deep copy through Java serialisation, as Spark ships states between executors and the driver. */
public final class Serial {
  private Serial() {}

  @SuppressWarnings("unchecked")
  public static <T> T copy(T o) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (Exception e) {
      throw new AssertionError("state is not serialisable: " + e, e);
    }
  }

  /** The serialised form: two states of one class with the same contents give the same bytes. */
  public static byte[] bytes(Object o) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      return bytes.toByteArray();
    } catch (Exception e) {
      throw new AssertionError("state is not serialisable: " + e, e);
    }
  }
}
