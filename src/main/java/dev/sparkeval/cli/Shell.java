package dev.sparkeval.cli;

import java.util.regex.Pattern;

/** Printed commands that a POSIX shell runs as printed. */
final class Shell {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private Shell() {}

  /** The word as is when the shell leaves it alone, else in single quotes. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
