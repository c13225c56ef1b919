package dev.spanwise.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled constants (read by reflection) against the processor's registry, the resource in
 * {@code spanwise-processor}'s jar that its checks read: every constant and every builder's
 * template is a name the processor knows as Sentry's, with the type the constant documents, and
 * deprecated exactly where the processor warns. Both come from {@code conventions/}, through two
 * generators; this is where they must agree.
 */
class SentryAttributesRegistryTest {

  private static final String REGISTRY = "dev/spanwise/processor/conventions.tsv";

  /** One line of the registry: {@code attribute <key> <type> <origin> <flags> <replacements>}. */
  private record Known(String key, String type, String origin, boolean deprecated) {}

  private static Map<String, Known> registry;
  private static Map<String, SentryAttribute> data;

  @BeforeAll
  static void read() throws IOException {
    registry = new HashMap<>();
    try (InputStream in = SentryAttributesRegistryTest.class.getClassLoader().getResourceAsStream(REGISTRY)) {
      assertThat(in).as("%s on the test class path (spanwise-processor)", REGISTRY).isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] columns = line.split("\t", -1);
        if (columns[0].equals("attribute")) {
          registry.put(columns[1], new Known(columns[1], columns[2], columns[3], columns[4].contains("d")));
        }
      }
    }
    data = new HashMap<>();
    Path conventions = Path.of(System.getProperty("spanwise.conventions", "../conventions"));
    SentryAttribute.read(conventions).forEach(attribute -> data.put(attribute.key(), attribute));
  }

  @Test
  void everyConstantIsASentryNameTheProcessorKnowsWithTheDocumentedType() throws IllegalAccessException {
    List<Field> constants = constants();
    assertThat(constants).hasSizeGreaterThan(900);
    for (Field constant : constants) {
      String name = (String) constant.get(null);
      String where = constant.getDeclaringClass().getSimpleName() + "." + constant.getName();
      assertThat(registry).as("%s = '%s' in the processor's registry", where, name).containsKey(name);
      Known known = registry.get(name);
      assertThat(known.origin()).as("%s's origin in the registry", where).isEqualTo("sentry");
      assertThat(known.type()).as("%s's type", where).isEqualTo(data.get(name).type());
      assertThat(constant.isAnnotationPresent(Deprecated.class))
          .as("%s is @Deprecated exactly when the processor warns that '%s' is deprecated", where, name)
          .isEqualTo(known.deprecated());
    }
  }

  @Test
  void everyBuilderBuildsANameOfAFamilyTheProcessorKnows() throws ReflectiveOperationException {
    List<Method> builders = builders();
    assertThat(builders).isNotEmpty();
    for (Method builder : builders) {
      String template = builder.getAnnotation(AttributeTemplate.class).value();
      String where = builder.getDeclaringClass().getSimpleName() + "." + builder.getName();
      assertThat(registry).as("%s's template '%s' in the registry", where, template).containsKey(template);
      assertThat(registry.get(template).type()).as("%s's type", where).isEqualTo(data.get(template).type());
      assertThat(builder.isAnnotationPresent(Deprecated.class))
          .as("%s is @Deprecated exactly when '%s' is", where, template)
          .isEqualTo(registry.get(template).deprecated());
      assertThat(builder.invoke(null, "accept"))
          .as("%s(\"accept\")", where)
          .isEqualTo(template.replace("<key>", "accept"));
    }
  }

  @Test
  void everySentryAttributeHasExactlyOneConstantOrBuilder() throws IllegalAccessException {
    List<String> generated = new ArrayList<>();
    for (Field constant : constants()) {
      generated.add((String) constant.get(null));
    }
    for (Method builder : builders()) {
      generated.add(builder.getAnnotation(AttributeTemplate.class).value());
    }
    assertThat(generated).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(generated)).isEqualTo(new TreeSet<>(data.keySet()));
  }

  @Test
  void namespacesAreNestedClassesNamedAfterThem() {
    Set<String> nested = new TreeSet<>();
    for (Class<?> type : SentryAttributes.class.getDeclaredClasses()) {
      assertThat(Modifier.isFinal(type.getModifiers()) && Modifier.isStatic(type.getModifiers()))
          .as("%s is a static final class", type.getSimpleName())
          .isTrue();
      nested.add(type.getSimpleName());
    }
    Set<String> namespaces = data.keySet().stream()
        .filter(key -> key.contains("."))
        .map(key -> ConstantNames.className(ConstantNames.namespace(key)))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(nested).isEqualTo(namespaces).contains("GenAi", "Http", "Messaging", "Sentry");
  }

  /** Every public constant of SentryAttributes and its nested classes. */
  private static List<Field> constants() {
    List<Field> fields = new ArrayList<>();
    for (Class<?> type : types()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
          assertThat(Modifier.isFinal(modifiers) && field.getType() == String.class)
              .as("%s is a String constant", field)
              .isTrue();
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** Every public method of the nested classes: each is a builder with its template. */
  private static List<Method> builders() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : types()) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())) {
          assertThat(method.isAnnotationPresent(AttributeTemplate.class))
              .as("%s carries @AttributeTemplate", method)
              .isTrue();
          assertThat(method.getParameterTypes()).as("%s's parameters", method).containsExactly(String.class);
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static List<Class<?>> types() {
    List<Class<?>> types = new ArrayList<>(List.of(SentryAttributes.class));
    types.addAll(List.of(SentryAttributes.class.getDeclaredClasses()));
    return types;
  }
}
