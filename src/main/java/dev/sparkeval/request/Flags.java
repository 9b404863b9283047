package dev.sparkeval.request;

import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.UsageException;
import java.util.Locale;
import java.util.function.Supplier;

/** The command line's spelling of Java API settings ({@code maxSlices} is {@code --max-slices}), for the command line, SQL and Python. */
public final class Flags {
  private Flags() {}

  /** The option of a setting: its name in kebab case after two dashes. */
  public static String of(String setting) {
    return "--" + setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Builds settings; an invalid one is reported with its option, as the user typed it. */
  public static <T> T build(Supplier<T> settings) {
    try {
      return settings.get();
    } catch (InvalidSetting e) {
      throw new UsageException(of(e.setting()) + " " + e.problem());
    }
  }
}
