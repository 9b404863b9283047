package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes one projected row (Spark's internal format, no conversion to external Rows) into the
 * reusable {@link Example}, rejecting nulls, NaN, infinities and negative weights by name.
 */
public final class RowReader implements Serializable {
  private static final long serialVersionUID = 1L;

  public enum Kind { SCALAR, ARRAY, ML_VECTOR }

  private final Role[] roles;
  private final Kind[] kinds;
  private final int sliceCount;
  private transient String[] lastSlice;
  private transient UTF8String[] lastRaw;
  private transient List<String> lastKey;

  /** A reader of rows whose first columns hold these roles, read as these kinds, followed by sliceCount strings. */
  public RowReader(List<Role> roles, List<Kind> kinds, int sliceCount) {
    this.roles = roles.toArray(new Role[0]);
    this.kinds = kinds.toArray(new Kind[0]);
    this.sliceCount = sliceCount;
  }

  public boolean sliced() {
    return sliceCount > 0;
  }

  /** The roles of the leading columns, in order. */
  public List<Role> roles() {
    return List.of(roles);
  }

  /** Whether every role is read as a number (the batch pass needs that). */
  public boolean scalarOnly() {
    for (Kind k : kinds) if (k != Kind.SCALAR) return false;
    return true;
  }

  public int sliceCount() {
    return sliceCount;
  }

  /** Fills {@code e} from {@code row}; returns why the row is bad, or null. */
  public RowRule.Bad read(InternalRow row, Example e) {
    for (int i = 0; i < roles.length; i++) {
      Role role = roles[i];
      if (row.isNullAt(i)) return nullValue(role);
      if (kinds[i] == Kind.SCALAR) {
        double v = row.getDouble(i);
        RowRule.Bad bad = scalar(role, v);
        if (bad != null) return bad;
        switch (role) {
          case LABEL -> e.label = v;
          case PREDICTION -> e.prediction = v;
          case WEIGHT -> e.weight = v;
          case TARGET -> e.target = v;
          default -> throw new IllegalStateException(role + " cannot be a scalar");
        }
      } else {
        double[] v = vector(row, i, current(e, role));
        for (int k = 0; k < v.length; k++) {
          if (!Double.isFinite(v[k])) {
            return nonFinite(role, v[k], " at element " + k + "; expected finite numbers (a null element reads as NaN)");
          }
        }
        switch (role) {
          case LABEL -> e.labelVec = v;
          case PREDICTION -> e.predictionVec = v;
          case ANCHOR -> e.anchor = v;
          case POSITIVE -> e.positive = v;
          case NEGATIVE -> e.negative = v;
          case FEATURES -> e.features = v;
          default -> throw new IllegalStateException(role + " cannot be a vector");
        }
      }
    }
    return null;
  }

  static RowRule.Bad nullValue(Role role) {
    return new RowRule.Bad("null_" + role.id(), role.id() + " is null");
  }

  /** Why a scalar value of this role is bad (not finite, or a negative weight), or null. */
  static RowRule.Bad scalar(Role role, double v) {
    if (!Double.isFinite(v)) return nonFinite(role, v);
    if (role == Role.WEIGHT && v < 0) {
      return new RowRule.Bad("negative_weight", "weight is " + v + "; weights must be finite and >= 0");
    }
    return null;
  }

  private static RowRule.Bad nonFinite(Role role, double v) {
    return nonFinite(role, v, "; expected a finite number");
  }

  private static RowRule.Bad nonFinite(Role role, double v, String tail) {
    String kind = Double.isNaN(v) ? "nan_" : "infinite_";
    return new RowRule.Bad(kind + role.id(), role.id() + " is " + v + tail);
  }

  private static double[] current(Example e, Role r) {
    return switch (r) {
      case LABEL -> e.labelVec;
      case PREDICTION -> e.predictionVec;
      case ANCHOR -> e.anchor;
      case POSITIVE -> e.positive;
      case NEGATIVE -> e.negative;
      case FEATURES -> e.features;
      default -> null;
    };
  }

  /** Reads a vector into {@code reuse} when it has the right length, else into a new array. */
  private double[] vector(InternalRow row, int i, double[] reuse) {
    if (kinds[i] == Kind.ARRAY) {
      ArrayData a = row.getArray(i);
      int n = a.numElements();
      double[] out = reuse != null && reuse.length == n ? reuse : new double[n];
      if (!copy(a, out)) for (int k = 0; k < n; k++) out[k] = a.isNullAt(k) ? Double.NaN : a.getDouble(k);
      return out;
    }
    InternalRow s = row.getStruct(i, 4); // Spark ML VectorUDT: type, size, indices, values
    ArrayData values = s.getArray(3);
    if (s.getByte(0) == 1) {
      int n = values.numElements();
      double[] out = reuse != null && reuse.length == n ? reuse : new double[n];
      if (!copy(values, out)) for (int k = 0; k < n; k++) out[k] = values.getDouble(k);
      return out;
    }
    int n = s.getInt(1);
    double[] out = reuse != null && reuse.length == n ? reuse : new double[n];
    Arrays.fill(out, 0.0);
    ArrayData idx = s.getArray(2);
    for (int k = 0; k < idx.numElements(); k++) out[idx.getInt(k)] = values.getDouble(k);
    return out;
  }

  /**
   * Copies a double array of Spark's unsafe format in one block (long vectors spend most of their
   * reading time in per-element calls otherwise); false when it is not unsafe or holds nulls.
   */
  private static boolean copy(ArrayData a, double[] out) {
    if (!(a instanceof UnsafeArrayData u)) return false;
    int n = out.length;
    Object base = u.getBaseObject();
    long offset = u.getBaseOffset();
    for (int w = 0; w < (n + 63) / 64; w++) if (Platform.getLong(base, offset + 8 + 8L * w) != 0) return false;
    Platform.copyMemory(base, offset + UnsafeArrayData.calculateHeaderPortionInBytes(n), out,
        Platform.DOUBLE_ARRAY_OFFSET, 8L * n);
    return true;
  }

  /** The slice key of the row (slice columns follow the role columns); reused while it repeats. */
  public List<String> sliceKey(InternalRow row) {
    int base = roles.length;
    if (lastRaw == null) {
      lastRaw = new UTF8String[sliceCount];
      lastSlice = new String[sliceCount];
    }
    boolean same = lastKey != null;
    for (int j = 0; j < sliceCount && same; j++) {
      UTF8String v = row.isNullAt(base + j) ? null : row.getUTF8String(base + j);
      same = v == null ? lastRaw[j] == null : v.equals(lastRaw[j]);
    }
    if (same) return lastKey;
    String[] k = new String[sliceCount];
    for (int j = 0; j < sliceCount; j++) {
      UTF8String v = row.isNullAt(base + j) ? null : row.getUTF8String(base + j);
      lastRaw[j] = v == null ? null : v.clone();
      k[j] = v == null ? null : v.toString();
    }
    lastKey = Arrays.asList(k);
    return lastKey;
  }
}
