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
 * fully. Every place that records a name with another type than some other place does is warned,
 * naming such a place.
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

  /** Per name, its places by type, each type's in the order they were recorded. */
  private final Map<String, Map<ValueType, List<Place>>> byName = new LinkedHashMap<>();

  /** Records an annotation's name; warns there and at the earlier places of another type. */
  void recordAnnotation(String subject, String name, ValueType type, String description, NameChecks.Findings printer) {
    record(name, new Place(subject, type, description, printer, true));
  }

  /** Records a call's constant name; warns there and at the earlier places of another type. */
  void recordCall(String subject, String name, ValueType type, String description, NameChecks.Findings printer) {
    record(name, new Place(subject, type, description, printer, false));
  }

  /**
   * Every place whose type differs from another place's is warned once, naming the first place of
   * another type; linear in the places, however many record the same name.
   */
  private void record(String name, Place place) {
    Map<ValueType, List<Place>> byType = byName.computeIfAbsent(name, n -> new LinkedHashMap<>());
    Place firstOther = null;
    for (Map.Entry<ValueType, List<Place>> entry : byType.entrySet()) {
      if (entry.getKey().equals(place.type)) {
        continue;
      }
      if (firstOther == null) {
        firstOther = entry.getValue().get(0);
      }
      for (Place other : entry.getValue()) {
        if (!other.warned) {
          warn(other, name, place);
        }
      }
    }
    if (firstOther != null) {
      warn(place, name, firstOther);
    }
    byType.computeIfAbsent(place.type, t -> new ArrayList<>()).add(place);
  }

  private static void warn(Place at, String name, Place other) {
    at.warned = true;
    at.printer.add(Message.TYPE_CONFLICT, at.subject, name, at.type, other.type, other.description);
  }

  /** The names annotations record with more than one type, each with its types: for the catalogue. */
  Map<String, Set<String>> annotationConflicts() {
    Map<String, Set<String>> conflicts = new LinkedHashMap<>();
    byName.forEach((name, byType) -> {
      Set<String> types = new LinkedHashSet<>();
      byType.forEach((type, places) -> {
        if (places.stream().anyMatch(place -> place.fromAnnotation)) {
          types.add(type.toString());
        }
      });
      if (types.size() > 1) {
        conflicts.put(name, types);
      }
    });
    return conflicts;
  }
}
