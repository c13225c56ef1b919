package dev.spanwise.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spanwise.conventions.ConstantNames.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstantNamesTest {

  @Test
  void namespaceIsANestedClassInUpperCamelCase() {
    assertThat(ConstantNames.className("gen_ai")).isEqualTo("GenAi");
    assertThat(ConstantNames.className("http")).isEqualTo("Http");
    assertThat(ConstantNames.className("react_native")).isEqualTo("ReactNative");
  }

  @Test
  void restOfTheNameIsAConstantInUpperSnakeCase() {
    assertThat(ConstantNames.constantName("gen_ai.usage.input_tokens")).isEqualTo("USAGE_INPUT_TOKENS");
    assertThat(ConstantNames.constantName("http.response.size")).isEqualTo("RESPONSE_SIZE");
    assertThat(ConstantNames.constantName("ai.response.toolCalls")).isEqualTo("RESPONSE_TOOL_CALLS");
    assertThat(ConstantNames.constantName("http.response.header.content-length"))
        .isEqualTo("RESPONSE_HEADER_CONTENT_LENGTH");
    assertThat(ConstantNames.constantName("environment")).isEqualTo("ENVIRONMENT");
  }

  @Test
  void familyIsAMethodNamedAfterTheRestWithoutItsKey() {
    assertThat(ConstantNames.methodName("http.request.header.<key>")).isEqualTo("requestHeader");
    assertThat(ConstantNames.methodName("mcp.tool.result.<key>.content")).isEqualTo("toolResultContent");
    assertThat(ConstantNames.methodName("mdc.<key>")).isEqualTo("of");
  }

  @Test
  void nameWithoutADotIsAConstantOfTheTopLevelClass() {
    Map<String, List<Member>> members = ConstantNames.members(List.of(attribute("environment", false)));
    assertThat(members).containsOnlyKeys(ConstantNames.TOP_LEVEL);
    assertThat(members.get(ConstantNames.TOP_LEVEL).get(0).name()).isEqualTo("ENVIRONMENT");
  }

  @Test
  void clashingSpellingsLeaveThePlainConstantToTheLiveName() {
    Map<String, List<Member>> members =
        ConstantNames.members(
            List.of(attribute("messaging.message_id", true), attribute("messaging.message.id", false)));
    assertThat(members.get("Messaging"))
        .extracting(member -> member.attribute().key() + "=" + member.name())
        .containsExactly("messaging.message.id=MESSAGE_ID", "messaging.message_id=MESSAGE_ID_LEGACY");
  }

  @Test
  void clashingDeprecatedSpellingsLeaveThePlainConstantToTheDottedThenTheSnakeCaseOne() {
    assertThat(ConstantNames.members(List.of(attribute("ai.model_id", true), attribute("ai.model.id", true)))
            .get("Ai"))
        .extracting(Member::name)
        .containsExactly("MODEL_ID", "MODEL_ID_LEGACY");
    assertThat(ConstantNames.members(List.of(attribute("replayId", true), attribute("replay_id", true)))
            .get(ConstantNames.TOP_LEVEL))
        .extracting(member -> member.attribute().key() + "=" + member.name())
        .containsExactly("replayId=REPLAY_ID_LEGACY", "replay_id=REPLAY_ID");
  }

  @Test
  void clashNoRuleSettlesStopsTheGenerator() {
    assertThatThrownBy(
            () -> ConstantNames.members(List.of(attribute("db.a.b", false), attribute("db.a_b", false),
                attribute("db.aB", false))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no rule names these apart in Db");
    assertThatThrownBy(
            () -> ConstantNames.members(List.of(attribute("db.a_b", false), attribute("db.a-b", false))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[db.a_b, db.a-b]");
  }

  @Test
  void nameThatIsNoJavaIdentifierStopsTheGenerator() {
    assertThatThrownBy(() -> ConstantNames.constantName("http.3xx"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'http.3xx' gives '3XX', not a Java identifier");
  }

  private static SentryAttribute attribute(String key, boolean deprecated) {
    return new SentryAttribute(key, "", "string", Optional.empty(), false, deprecated,
        Optional.empty(), Optional.empty(), false);
  }
}
