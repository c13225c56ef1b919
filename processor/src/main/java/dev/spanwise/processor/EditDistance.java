package dev.spanwise.processor;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions. */
final class EditDistance {

  private EditDistance() {}

  static int between(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * Returns whether {@code candidate} is a genuine slip for {@code known}: one edit apart, or two
   * when both are long (where two slips are still far less than a different word). Custom names in
   * a convention's namespace ({@code file.size_bytes} beside {@code file.size}) are further off.
   * The one threshold of every "did you mean": attribute names, ops and span statuses.
   */
  static boolean isOneTypo(String candidate, String known) {
    if (candidate.equals(known)) {
      return false;
    }
    int allowed = Math.min(candidate.length(), known.length()) >= 20 ? 2 : 1;
    return Math.abs(candidate.length() - known.length()) <= allowed
        && between(candidate, known) <= allowed;
  }
}
