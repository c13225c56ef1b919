package dev.spanwise.aspect.reliability;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.AbstractCollection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code @Span} methods fed values that fight back; each returns normally whatever it was given. */
public class Hostile {

  @Span(op = "test.hostile")
  public int text(@SpanAttribute("v.text") String text) {
    return text.length();
  }

  @Span(op = "test.hostile")
  public String deep(@SpanAttribute(value = "v.deep", path = "next.next.next.next.name") Node node) {
    return "ran";
  }

  @Span(op = "test.hostile")
  public String getter(@SpanAttribute(value = "v.getter", path = "value") Getter getter) {
    return "ran";
  }

  @Span(op = "test.hostile")
  public String value(@SpanAttribute("v.value") Object value) {
    return "ran";
  }

  @Span(op = "test.hostile")
  public String chars(@SpanAttribute("v.chars") CharSequence chars) {
    return "ran";
  }

  @Span(op = "test.hostile")
  public String number(@SpanAttribute("v.number") Number number) {
    return "ran";
  }

  @Span(op = "test.hostile")
  public int collection(@SpanAttribute("v.collection") Iterable<?> collection) {
    return 1;
  }

  @Span(op = "test.hostile")
  public int mapSize(
      @SpanAttribute(value = "v.map_size", path = "size") Map<?, ?> map,
      @SpanAttribute("v.map") Map<?, ?> same) {
    return map.size();
  }

  @Span(op = "test.hostile")
  @ResultAttribute(value = "v.result", path = "value")
  public Getter result(Getter getter) {
    return getter;
  }

  @Span(op = "test.hostile")
  @ResultAttribute("v.result_chars")
  public CharSequence resultChars(CharSequence chars) {
    return chars;
  }

  /** A linked chain; {@code next} may be {@code null} anywhere. */
  public record Node(Node next, String name) {}

  /** A getter that fails in the way it is given. */
  public static final class Getter {
    private final Runnable failure;

    public Getter(Runnable failure) {
      this.failure = failure;
    }

    public String getValue() {
      failure.run();
      return "value";
    }
  }

  /** A getter that recurses until the stack overflows. */
  public static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  /** A collection whose iterator fails like a concurrently modified {@code ArrayList}. */
  public static final class ModifiedWhileRead extends AbstractCollection<String> {
    @Override
    public Iterator<String> iterator() {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public String next() {
          throw new ConcurrentModificationException("modified while read");
        }
      };
    }

    @Override
    public int size() {
      return 3;
    }
  }

  /** A collection that claims {@link Integer#MAX_VALUE} elements and holds three. */
  public static final class LyingSize extends AbstractCollection<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("a", "b", "c").iterator();
    }

    @Override
    public int size() {
      return Integer.MAX_VALUE;
    }
  }

  /** A {@code CharSequence} whose {@code toString} throws what it is given. */
  public static final class BadChars implements CharSequence {
    private final Runnable failure;

    public BadChars(Runnable failure) {
      this.failure = failure;
    }

    @Override
    public int length() {
      return 1;
    }

    @Override
    public char charAt(int index) {
      return 'x';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return this;
    }

    @Override
    public String toString() {
      failure.run();
      return "x";
    }
  }

  /** A {@code Number} whose conversions throw what it is given. */
  public static final class BadNumber extends Number {
    private final transient Runnable failure;

    public BadNumber(Runnable failure) {
      this.failure = failure;
    }

    @Override
    public int intValue() {
      failure.run();
      return 0;
    }

    @Override
    public long longValue() {
      failure.run();
      return 0;
    }

    @Override
    public float floatValue() {
      failure.run();
      return 0;
    }

    @Override
    public double doubleValue() {
      failure.run();
      return 0;
    }
  }
}
