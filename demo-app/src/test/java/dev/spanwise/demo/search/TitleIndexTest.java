package dev.spanwise.demo.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.demo.search.TitleIndex.Title;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleIndexTest {

  private final TitleIndex index =
      new TitleIndex(
          List.of(
              new Title("A Galaxy Called Silent", 2009),
              new Title("Garbage Collector", 1999),
              new Title("The Silent Heap", 2001),
              new Title("Midnight Protocol", 1984)));

  @Test
  void queriesBelowThreeCharactersArePrefixSearchesOnAnyWord() {
    assertThat(TitleIndex.modeFor("ga")).isEqualTo("prefix");
    assertThat(index.search("ga", 10))
        .extracting(Title::name)
        .containsExactly("A Galaxy Called Silent", "Garbage Collector");
  }

  @Test
  void aPrefixSearchToleratesNoTypo() {
    assertThat(index.search("gz", 10)).isEmpty();
  }

  @Test
  void queriesFromThreeCharactersAreFuzzyAndTolerateATypo() {
    assertThat(TitleIndex.modeFor("galxy")).isEqualTo("fuzzy");
    assertThat(index.search("galxy", 10)).extracting(Title::name).containsExactly("A Galaxy Called Silent");
  }

  @Test
  void fuzzyResultsRankExactPrefixesAboveTypos() {
    assertThat(index.search("silent heap", 10))
        .extracting(Title::name)
        .containsExactly("The Silent Heap");
    assertThat(index.search("silnt", 10))
        .extracting(Title::name)
        .containsExactly("A Galaxy Called Silent", "The Silent Heap");
  }

  @Test
  void emptyQueriesAndLimitsAreRespected() {
    assertThat(index.search("  ", 10)).isEmpty();
    assertThat(index.search("g", 1)).hasSize(1);
  }

  @Test
  void theShippedCatalogueHoldsAFewHundredTitles() {
    TitleIndex catalogue = TitleIndex.loadCatalogue();
    assertThat(catalogue.size()).isBetween(300, 400);
    assertThat(catalogue.search("galxy", 10)).isNotEmpty();
  }
}
