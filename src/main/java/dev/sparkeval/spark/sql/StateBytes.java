package dev.sparkeval.spark.sql;

import dev.sparkeval.core.StatSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Aggregation buffers as bytes (Spark spills and shuffles them): Java serialization of the state. */
public final class StateBytes {
  private StateBytes() {}

  public static byte[] write(Serializable state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static StatSet read(byte[] bytes) {
    return read(bytes, StatSet.class);
  }

  public static <T> T read(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new LoaderStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Resolves classes with this jar's loader: on executors the application jar is not on the system class path. */
  private static final class LoaderStream extends ObjectInputStream {
    LoaderStream(InputStream in) throws IOException {
      super(in);
    }

    @Override protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, StateBytes.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
