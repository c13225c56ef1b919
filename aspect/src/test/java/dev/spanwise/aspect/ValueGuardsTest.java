package dev.spanwise.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link ValueLimits} and {@link PersonalData}, without Sentry. */
class ValueGuardsTest {

  @Test
  void maxLengthPropertyParsesToAPositiveLengthNoLimitOrTheDefault() {
    assertThat(ValueLimits.parse(null)).isEqualTo(ValueLimits.DEFAULT_MAX_LENGTH);
    assertThat(ValueLimits.parse(" 256 ")).isEqualTo(256);
    assertThat(ValueLimits.parse("0")).isEqualTo(Integer.MAX_VALUE);
    assertThat(ValueLimits.parse("-5")).isEqualTo(ValueLimits.DEFAULT_MAX_LENGTH);
    assertThat(ValueLimits.parse("lots")).isEqualTo(ValueLimits.DEFAULT_MAX_LENGTH);
    assertThat(ValueLimits.maxLength()).isEqualTo(8192);
  }

  @Test
  void cutKeepsTheLengthMarksTheCutAndNeverSplitsASurrogatePair() {
    assertThat(ValueLimits.cut("abcdef", 6)).isEqualTo("abcdef");
    assertThat(ValueLimits.cut("abcdefg", 6)).isEqualTo("abcde\u2026");
    // "abcd" + U+1F600 (two chars) + "x": a cut at 6 would keep half of the emoji
    assertThat(ValueLimits.cut("abcd\uD83D\uDE00xyz", 6)).isEqualTo("abcd\u2026");
    assertThat(ValueLimits.cut("abc", 1)).isEqualTo("\u2026");
  }

  @Test
  void limitLeavesNonStringsAndShortListsAlone() {
    List<Object> shortList = List.of("a", 1);
    assertThat(ValueLimits.limit(shortList, 3)).isSameAs(shortList);
    assertThat(ValueLimits.limit(12345L, 3)).isEqualTo(12345L);
    assertThat(ValueLimits.limit(List.of("abcdef", 2), 3)).isEqualTo(List.of("ab\u2026", 2));
  }

  @Test
  void exactNamesArePersonalWhateverTheValueFamiliesOnlyForText() {
    assertThat(PersonalData.isPersonal("url.query", "q=1")).isTrue();
    assertThat(PersonalData.isPersonal("user.id", 42L)).isTrue();
    assertThat(PersonalData.isPersonal("user.id", null)).isTrue();
    assertThat(PersonalData.isPersonal("query.q", "star")).isTrue();
    assertThat(PersonalData.isPersonal("query.length", 4)).isFalse();
    assertThat(PersonalData.isPersonal("query.length", null)).isFalse();
    assertThat(PersonalData.isPersonal("mdc.user", List.of("ann"))).isTrue();
    // The prefix alone is not a member of its family.
    assertThat(PersonalData.isPersonal("http.request.header.", "x")).isFalse();
    assertThat(PersonalData.isPersonal("payment.provider", "stripe")).isFalse();
    assertThat(PersonalData.isPersonal("gen_ai.input.messages", "[]")).isFalse();
    // A family with its key mid-name: what precedes and what follows <key>, around a key.
    assertThat(PersonalData.isPersonal("mcp.prompt.result.0.role", "user")).isTrue();
    assertThat(PersonalData.isPersonal("mcp.tool.result.0.content", List.of("x"))).isTrue();
    assertThat(PersonalData.isPersonal("mcp.prompt.result.0.role", 1)).isFalse();
    assertThat(PersonalData.isPersonal("mcp.prompt.result..role", "user")).isFalse();
    assertThat(PersonalData.isPersonal("mcp.prompt.result.0.other", "user")).isFalse();
  }

  @Test
  void eachNameIsLookedUpOnceAsExactFamilyOrNeither() {
    assertThat(PersonalData.kindOf("user.id")).isEqualTo(PersonalData.Kind.EXACT);
    assertThat(PersonalData.kindOf("query.q")).isEqualTo(PersonalData.Kind.FAMILY);
    assertThat(PersonalData.kindOf("http.request.header.")).isEqualTo(PersonalData.Kind.NONE);
    assertThat(PersonalData.kindOf("payment.provider")).isEqualTo(PersonalData.Kind.NONE);
  }
}
