package dev.sparkeval.core;

/** Bad usage or bad input: the message names what is wrong and what would be right (exit code 2). */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The usage error behind a failure (Spark wraps exceptions thrown in tasks), or null. */
  public static UsageException causeOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof UsageException u) return u;
    return null;
  }
}
