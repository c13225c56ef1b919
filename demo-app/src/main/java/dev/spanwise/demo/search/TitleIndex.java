package dev.spanwise.demo.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * NullFlix's in-memory search index over the catalogue shipped in {@code nullflix/titles.txt}.
 *
 * <p>Two modes, as in the seed: below three characters a prefix match on any word of the title;
 * from three on a fuzzy match that tolerates a typo per word (Levenshtein distance at most 1 for
 * words up to 5 letters, 2 beyond), ranked by how many query words matched and how closely.
 */
public final class TitleIndex {

  /** One catalogue entry. */
  public record Title(String name, int year) {}

  private final List<Title> titles;
  private final List<String[]> words;

  public TitleIndex(List<Title> titles) {
    this.titles = List.copyOf(titles);
    this.words = new ArrayList<>(titles.size());
    for (Title title : this.titles) {
      words.add(title.name().toLowerCase(Locale.ROOT).split("\\s+"));
    }
  }

  /** Loads the catalogue from the class path. */
  public static TitleIndex loadCatalogue() {
    try (InputStream in = TitleIndex.class.getResourceAsStream("/nullflix/titles.txt")) {
      if (in == null) {
        throw new IllegalStateException("nullflix/titles.txt is missing from the class path");
      }
      List<Title> titles = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.lastIndexOf('|');
        titles.add(new Title(line.substring(0, bar), Integer.parseInt(line.substring(bar + 1))));
      }
      return new TitleIndex(titles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns how many titles the index holds. */
  public int size() {
    return titles.size();
  }

  /** Returns the mode a query of this length is searched in: {@code prefix} or {@code fuzzy}. */
  public static String modeFor(String query) {
    return query.length() < 3 ? "prefix" : "fuzzy";
  }

  /** Returns up to {@code limit} titles matching {@code query}, best first. */
  public List<Title> search(String query, int limit) {
    String normalized = query.trim().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty()) {
      return List.of();
    }
    boolean prefix = modeFor(normalized).equals("prefix");
    String[] queryWords = normalized.split("\\s+");
    List<Scored> matches = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      int score = prefix ? prefixScore(normalized, words.get(i)) : fuzzyScore(queryWords, words.get(i));
      if (score > 0) {
        matches.add(new Scored(titles.get(i), score));
      }
    }
    matches.sort(
        Comparator.comparingInt(Scored::score)
            .reversed()
            .thenComparing(scored -> scored.title().name()));
    List<Title> results = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, matches.size()); i++) {
      results.add(matches.get(i).title());
    }
    return results;
  }

  private static int prefixScore(String prefix, String[] titleWords) {
    for (String word : titleWords) {
      if (word.startsWith(prefix)) {
        return 1;
      }
    }
    return 0;
  }

  private static int fuzzyScore(String[] queryWords, String[] titleWords) {
    int score = 0;
    for (String queryWord : queryWords) {
      int best = 0;
      for (String titleWord : titleWords) {
        int tolerance = queryWord.length() <= 5 ? 1 : 2;
        if (titleWord.startsWith(queryWord)) {
          best = Math.max(best, 3);
        } else if (distance(queryWord, titleWord) <= tolerance) {
          best = Math.max(best, 2);
        }
      }
      if (best == 0) {
        return 0;
      }
      score += best;
    }
    return score;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private record Scored(Title title, int score) {}
}
