package dev.sparkeval.core;

import java.util.Collection;

/** "Did you mean" for misspelled names: the closest candidate by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The nearest candidate, or null when nothing is reasonably close. */
  public static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best != null && bestD <= Math.max(2, word.length() / 2) ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  public static String hint(String word, Collection<String> candidates) {
    String n = nearest(word, candidates);
    return n == null ? "" : " (did you mean '" + n + "'?)";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
