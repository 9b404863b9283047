package dev.sparkeval.core;

/**
 * A setting of the Java API with a value it cannot take: the message names the setting as the
 * API spells it ({@code threshold must be strictly between 0 and 1, got 1.5}); the command line
 * puts its option in front of {@link #problem()} instead ({@code --threshold must be ...}).
 */
public final class InvalidSetting extends UsageException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String problem;

  public InvalidSetting(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The setting's name in the Java API, e.g. {@code maxSlices}. */
  public String setting() {
    return setting;
  }

  /** What is wrong, without the setting's name: {@code must be >= 1, got 0}. */
  public String problem() {
    return problem;
  }
}
