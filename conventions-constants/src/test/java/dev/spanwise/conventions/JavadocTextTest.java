package dev.spanwise.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

  @Test
  void markdownCodeAndLinksBecomeHtml() {
    assertThat(JavadocText.fromMarkdown("Sum of `a.count` and [the docs](https://example.com/x#y)."))
        .isEqualTo("Sum of <code>a.count</code> and <a href=\"https://example.com/x#y\">the docs</a>.");
  }

  @Test
  void markupFromTheDataIsEscaped() {
    assertThat(JavadocText.fromMarkdown("headers, <key> being the name & {@link X} */ `{role: \"user\"}`"))
        .isEqualTo("headers, &lt;key&gt; being the name &amp; &#123;&#64;link X&#125; *&#47;"
            + " <code>&#123;role: \"user\"&#125;</code>");
  }

  @Test
  void wrapBreaksAtSpacesButNotInsideInlineTags() {
    String wrapped = JavadocText.wrap("Use {@link SentryAttributes.Server#ADDRESS} instead of it", 12);
    assertThat(wrapped.split("\n"))
        .containsExactly("Use", "{@link SentryAttributes.Server#ADDRESS}", "instead of", "it");
  }

  @Test
  void longExamplesAreShortened() {
    assertThat(JavadocText.shortened("abcdef", 4)).isEqualTo("abc…");
    assertThat(JavadocText.shortened("abc", 4)).isEqualTo("abc");
  }

  @Test
  void summaryEndsWithAFullStop() {
    assertThat(SentryAttributesGenerator.sentence("The duration in ms ")).isEqualTo("The duration in ms.");
    assertThat(SentryAttributesGenerator.sentence("Done.")).isEqualTo("Done.");
    assertThat(SentryAttributesGenerator.sentence("The size (in bytes)")).isEqualTo("The size (in bytes).");
  }
}
