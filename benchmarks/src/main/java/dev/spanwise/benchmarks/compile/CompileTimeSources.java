package dev.spanwise.benchmarks.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code bases the compile-time benchmark compiles: {@code classes} classes in packages of 50,
 * {@code traced} of them services with five {@code @Span} methods (paths, a result attribute and a
 * {@code Spans.current()} call among them), the rest plain code of the kind a service module has
 * (records, streams, lambdas, generics, switches, exceptions), with no Spanwise in it at all.
 */
public final class CompileTimeSources {

  /** {@code @Span} methods in each traced class. */
  public static final int METHODS_PER_TRACED_CLASS = 5;

  private CompileTimeSources() {}

  /** Writes the code base under {@code root}; returns its files. Traced classes are spread evenly. */
  public static List<Path> write(Path root, int classes, int traced) {
    try {
      List<Path> files = new ArrayList<>();
      Path common = root.resolve("gen/common");
      Files.createDirectories(common);
      files.add(write(common.resolve("Order.java"), """
          package gen.common;

          import java.util.List;

          public record Order(String id, List<String> items, Customer customer) {}
          """));
      files.add(write(common.resolve("Customer.java"), """
          package gen.common;

          public record Customer(String tier, int visits) {}
          """));
      int every = traced == 0 ? Integer.MAX_VALUE : Math.max(1, classes / traced);
      int written = 0;
      for (int i = 0; i < classes; i++) {
        String pkg = "gen.p" + (i / 50);
        Path dir = root.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        boolean isTraced = written < traced && i % every == 0;
        if (isTraced) {
          written++;
          files.add(write(dir.resolve("Service" + i + ".java"), traced(pkg, i)));
        } else {
          files.add(write(dir.resolve("Service" + i + ".java"), plain(pkg, i)));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, String source) throws IOException {
    Files.writeString(file, source);
    return file;
  }

  static String traced(String pkg, int i) {
    return """
        package %1$s;

        import dev.spanwise.Spans;
        import dev.spanwise.annotations.ResultAttribute;
        import dev.spanwise.annotations.Span;
        import dev.spanwise.annotations.SpanAttribute;
        import gen.common.Order;
        import java.util.List;

        public class Service%2$d {

          @Span(op = "commerce.payment", name = "Charge %2$d")
          public int charge(@SpanAttribute("payment.provider") String provider,
                            @SpanAttribute("payment.amount") long amount,
                            @SpanAttribute(value = "cart.item_count", path = "items.size") Order order) {
            return provider.length() + (int) amount + order.items().size();
          }

          @Span(op = "db.query")
          public List<String> find(@SpanAttribute("db.collection.name") String table,
                                   @SpanAttribute("db.query.text") String query) {
            return List.of(table, query);
          }

          @Span(op = "http.client", name = "Fetch %2$d")
          @ResultAttribute(value = "http.response.status_code")
          public int fetch(@SpanAttribute("http.request.method") String method,
                           @SpanAttribute("url.full") String url) {
            return method.length() + url.length();
          }

          @Span(op = "cache.get")
          public boolean cached(@SpanAttribute("cache.key") List<String> keys,
                                @SpanAttribute(value = "customer.tier", path = "customer.tier") Order order) {
            return keys.contains(order.id());
          }

          @Span(op = "function")
          @ResultAttribute(value = "order.id", path = "id")
          public Order place(@SpanAttribute(value = "customer.visits", path = "customer.visits") Order order,
                             @SpanAttribute("order.priority") boolean priority) {
            Spans.current().attribute("order.lines", order.items().size());
            return priority ? order : null;
          }
        }
        """.formatted(pkg, i);
  }

  static String plain(String pkg, int i) {
    return """
        package %1$s;

        import gen.common.Customer;
        import gen.common.Order;
        import java.util.ArrayList;
        import java.util.Comparator;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import java.util.function.Function;
        
        public class Service%2$d {

          public record Line(String sku, int quantity, long priceMinor) {
            public Line {
              if (quantity < 0) {
                throw new IllegalArgumentException("quantity " + quantity);
              }
            }

            long total() {
              return quantity * priceMinor;
            }
          }

          public sealed interface Outcome permits Accepted, Rejected {}

          public record Accepted(String id, long totalMinor) implements Outcome {}

          public record Rejected(String reason) implements Outcome {}

          private final Map<String, List<Line>> lines = new java.util.HashMap<>();

          public Outcome submit(Order order, List<Line> newLines) {
            if (order.items().isEmpty()) {
              return new Rejected("empty order " + order.id());
            }
            lines.computeIfAbsent(order.id(), id -> new ArrayList<>()).addAll(newLines);
            long total = newLines.stream().mapToLong(Line::total).sum();
            return new Accepted(order.id(), discount(order.customer(), total));
          }

          long discount(Customer customer, long total) {
            return switch (customer.tier()) {
              case "gold" -> total * 90 / 100;
              case "silver" -> total * 95 / 100;
              default -> customer.visits() > 10 ? total - 100 : total;
            };
          }

          public Map<String, Long> totalsBySku() {
            Map<String, Long> totals = new java.util.TreeMap<>();
            for (List<Line> orderLines : lines.values()) {
              for (Line line : orderLines) {
                totals.merge(line.sku(), line.total(), Long::sum);
              }
            }
            return totals;
          }

          public Optional<Line> largest(String orderId) {
            return lines.getOrDefault(orderId, List.of()).stream()
                .max(Comparator.comparingLong(Line::total).thenComparing(Line::sku));
          }

          public <T extends Comparable<T>> List<T> sorted(List<Line> source, Function<Line, T> key) {
            List<T> keys = new ArrayList<>();
            for (Line line : source) {
              keys.add(key.apply(line));
            }
            keys.sort(Comparator.naturalOrder());
            return keys;
          }

          public String describe(Outcome outcome) {
            if (outcome instanceof Accepted accepted) {
              return "accepted " + accepted.id() + " for " + accepted.totalMinor();
            } else if (outcome instanceof Rejected rejected) {
              return "rejected: " + rejected.reason();
            }
            throw new IllegalStateException(String.valueOf(outcome));
          }

          @Override
          public String toString() {
            return "Service%2$d" + lines.keySet();
          }
        }
        """.formatted(pkg, i);
  }
}
