package dev.sparkeval.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a Markdown file's marked code blocks. A line {@code <!-- readme-test -->} marks
 * the code block that follows it (indented or fenced); in that block every {@code ./submit.sh}
 * command is returned, split into words as a shell would (quotes may span lines, a trailing
 * backslash continues the line, {@code #} starts a comment), and {@code mvn} lines are skipped
 * (they are the build the tests run in). Any other line is an error, so a marker cannot hide a
 * command the test would not run.
 */
public final class ReadmeCommands {
  public static final String MARKER = "<!-- readme-test -->";
  static final String SUBMIT = "./submit.sh";

  /** One command: the 1-based line of the file it starts on, and its words after ./submit.sh. */
  public record Command(int line, List<String> args) {
    @Override public String toString() {
      return "line " + line + ": ./submit.sh " + String.join(" ", args);
    }
  }

  private ReadmeCommands() {}

  public static List<Command> parse(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().equals(MARKER)) continue;
      int start = i + 1;
      while (start < lines.length && lines[start].isBlank()) start++;
      if (start == lines.length) throw new IllegalArgumentException("line " + (i + 1) + ": marker with no code block after it");
      boolean fenced = lines[start].startsWith("```");
      if (!fenced && !lines[start].startsWith("    ")) {
        throw new IllegalArgumentException("line " + (i + 1) + ": marker not followed by a code block");
      }
      int end = start + (fenced ? 1 : 0);
      while (end < lines.length && (fenced ? !lines[end].startsWith("```") : lines[end].isBlank() || lines[end].startsWith("    "))) end++;
      List<String> block = new ArrayList<>();
      for (int j = start + (fenced ? 1 : 0); j < end; j++) block.add(fenced ? lines[j] : lines[j].replaceFirst("^ {4}", ""));
      commands.addAll(commands(block, start + (fenced ? 2 : 1)));
    }
    return commands;
  }

  private static List<Command> commands(List<String> block, int firstLine) {
    List<Command> out = new ArrayList<>();
    for (Words w : split(String.join("\n", block), firstLine)) {
      if (w.words.isEmpty() || w.words.get(0).equals("mvn")) continue;
      if (!w.words.get(0).equals(SUBMIT)) {
        throw new IllegalArgumentException("line " + w.line + ": a marked block may hold only ./submit.sh and mvn commands, got "
            + w.words.get(0));
      }
      out.add(new Command(w.line, List.copyOf(w.words.subList(1, w.words.size()))));
    }
    return out;
  }

  private record Words(int line, List<String> words) {}

  /** Shell word splitting of a block: one entry per command line. */
  private static List<Words> split(String text, int firstLine) {
    List<Words> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int line = firstLine, start = firstLine;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') line++;
      if (quote == '\'') {
        if (c == '\'') quote = 0; else word.append(c);
      } else if (quote == '"') {
        if (c == '"') quote = 0;
        else if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) word.append(text.charAt(++i));
        else word.append(c);
      } else if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        if (next == '\n') line++; else (word = word == null ? new StringBuilder() : word).append(next);
      } else if (c == '\'' || c == '"') {
        quote = c;
        if (word == null) word = new StringBuilder();
      } else if (c == '#' && word == null) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
      } else if (Character.isWhitespace(c)) {
        if (word != null) words.add(word.toString());
        word = null;
        if (c == '\n') {
          if (!words.isEmpty()) out.add(new Words(start, words));
          words = new ArrayList<>();
          start = line;
        }
      } else {
        (word = word == null ? new StringBuilder() : word).append(c);
      }
    }
    if (quote != 0) throw new IllegalArgumentException("line " + start + ": unclosed quote " + quote);
    if (word != null) words.add(word.toString());
    if (!words.isEmpty()) out.add(new Words(start, words));
    return out;
  }
}
