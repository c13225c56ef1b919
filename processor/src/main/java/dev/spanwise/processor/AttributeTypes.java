package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One name, one type: every place of this compilation that records an attribute name, and its
 * type. Sentry's span metrics aggregate one type per attribute name, so {@code
 * conversation.tools_used} recorded as an integer here and as a string there charts neither
 * fully. When a place records a name with another type than an earlier one, both places are
 * warned, each naming the other.
 */
final class AttributeTypes {

  /**
   * One place: who records the name ({@code @SpanAttribute}), as what, described for messages
   * ({@code parameter 'turns' of Agent.reply()}).
   */
  private static final class Place {
    final String subject;
    final ValueType type;
    final String description;
    final NameChecks.Findings printer;
    final boolean fromAnnotation;
    boolean warned;

    Place(String subject, ValueType type, String description, NameChecks.Findings printer, boolean fromAnnotation) {
      this.subject = subject;
      this.type = type;
      this.description = description;
      this.printer = printer;
      this.fromAnnotation = fromAnnotation;
    }
  }

  private final Map<String, List<Place>> byName = new LinkedHashMap<>();

  /** Records an annotation's name; warns there and at an earlier place of another type. */
  void recordAnnotation(String subject, String name, ValueType type, String description, NameChecks.Findings printer) {
    record(name, new Place(subject, type, description, printer, true));
  }

  /** Records a call's constant name; warns there and at an earlier place of another type. */
  void recordCall(String subject, String name, ValueType type, String description, NameChecks.Findings printer) {
    record(name, new Place(subject, type, description, printer, false));
  }

  private void record(String name, Place place) {
    List<Place> places = byName.computeIfAbsent(name, n -> new ArrayList<>());
    for (Place other : places) {
      if (other.type.equals(place.type)) {
        continue;
      }
      if (!place.warned) {
        warn(place, name, other);
        place.warned = true;
      }
      if (!other.warned) {
        warn(other, name, place);
        other.warned = true;
      }
    }
    places.add(place);
  }

  private static void warn(Place at, String name, Place other) {
    at.printer.add(Message.TYPE_CONFLICT, at.subject, name, at.type, other.type, other.description);
  }

  /** The names annotations record with more than one type, each with its types: for the catalogue. */
  Map<String, Set<String>> annotationConflicts() {
    Map<String, Set<String>> conflicts = new LinkedHashMap<>();
    byName.forEach((name, places) -> {
      Set<String> types = new LinkedHashSet<>();
      places.stream().filter(place -> place.fromAnnotation).forEach(place -> types.add(place.type.toString()));
      if (types.size() > 1) {
        conflicts.put(name, types);
      }
    });
    return conflicts;
  }
}
