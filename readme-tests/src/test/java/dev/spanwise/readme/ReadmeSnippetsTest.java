package dev.spanwise.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spanwise.readme.ReadmeSnippets.Extracted;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadmeSnippetsTest {

  @Test
  void writesEachMarkedBlockToEachOfItsPathsExactlyAsWritten() {
    Extracted extracted =
        ReadmeSnippets.extract(
            "Intro\n\n<!-- snippet: a/pom.xml, b/pom.xml -->\n```xml\n<project>\n  <x/>\n</project>\n```\n"
                + "```\nunmarked\n```\n");

    assertThat(extracted.files())
        .containsExactly(
            Map.entry("a/pom.xml", "<project>\n  <x/>\n</project>\n"),
            Map.entry("b/pom.xml", "<project>\n  <x/>\n</project>\n"));
  }

  @Test
  void checksThatAFragmentIsPartOfTheFilesItNames() {
    String readme = "<!-- snippet: a/pom.xml -->\n```\n<a>\n    <b/>\n</a>\n```\n";

    assertThat(ReadmeSnippets.extract(readme + "<!-- snippet-in: a/pom.xml -->\n```\n<b/>\n```\n")
            .fragmentsChecked())
        .isEqualTo(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReadmeSnippets.extract(readme + "<!-- snippet-in: a/pom.xml -->\n```\n<c/>\n```\n"))
        .withMessage("README line 7: the block is not part of a/pom.xml");
  }

  @Test
  void rejectsAMarkerWithoutABlockAPathWrittenTwiceAndAPathOutside() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReadmeSnippets.extract("<!-- snippet: a.txt -->\ntext\n"))
        .withMessageContaining("line 1: no code block after");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ReadmeSnippets.extract(
                "<!-- snippet: a.txt -->\n```\n1\n```\n<!-- snippet: a.txt -->\n```\n2\n```\n"))
        .withMessage("README line 5: a.txt written twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReadmeSnippets.extract("<!-- snippet: ../a.txt -->\n```\n1\n```\n"))
        .withMessage("README line 1: bad path '../a.txt'");
  }
}
