package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated binders, compiled and run: values read with typed Java, paths null-safe, and the
 * runtime's reasons, word for word, when a value cannot be read.
 */
class GeneratedBindingsTest {

  private static final JavaFileObject SHOP = JavaFileObjects.forSourceLines("shop.Checkout",
      "package shop;",
      "",
      "import dev.spanwise.annotations.ResultAttribute;",
      "import dev.spanwise.annotations.Span;",
      "import dev.spanwise.annotations.SpanAttribute;",
      "import java.util.List;",
      "import java.util.concurrent.CompletableFuture;",
      "",
      "public class Checkout {",
      "  public record Cart(List<String> items, Customer customer) {}",
      "  public static final class Customer {",
      "    private final String tier;",
      "    public Customer(String tier) { this.tier = tier; }",
      "    public String getTier() {",
      "      if (tier.equals(\"broken\")) { throw new IllegalStateException(\"tier lookup failed\"); }",
      "      return tier;",
      "    }",
      "    public boolean isVip() { return tier.equals(\"gold\"); }",
      "  }",
      "  public static final class Box<T> { public T content; public Box(T content) { this.content = content; } }",
      "  public record Order(String orderId, int lines) {}",
      "",
      "  @Span(op = \"commerce.order.server\", name = \"Order Processing\")",
      "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
      "  public Order checkout(",
      "      @SpanAttribute(\"payment.provider\") String provider,",
      "      @SpanAttribute(value = \"cart.item_count\", path = \"items.size\") Cart cart,",
      "      @SpanAttribute(value = \"customer.tier\", path = \"customer.tier\") Cart sameCart,",
      "      @SpanAttribute(value = \"customer.vip\", path = \"customer.vip\") Cart thirdCart,",
      "      @SpanAttribute(value = \"box.item_count\", path = \"content.items.size\") Box<Cart> box,",
      "      int[] ignored) {",
      "    return new Order(\"order-\" + provider, 1);",
      "  }",
      "",
      "  @Span(op = \"commerce.order.async\")",
      "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
      "  @ResultAttribute(value = \"order.lines\", path = \"lines\")",
      "  public CompletableFuture<Order> later(Cart.Line... lines) { return null; }",
      "",
      "  @Span(op = \"commerce.order.repeated\")",
      "  public void repeated(@SpanAttribute(value = \"cart.item_count\", path = \"items.size\")",
      "      @SpanAttribute(value = \"customer.tier\", path = \"customer.tier\") Cart cart) {}",
      "",
      "  @Span(op = \"commerce.plain\")",
      "  public void plain() {}",
      "}");

  private static ClassLoader loader;

  private static final JavaFileObject SHOP_WITH_LINE = JavaFileObjects.forSourceString("shop.Checkout",
      source(SHOP).replace("public record Cart(List<String> items, Customer customer) {}",
          "public record Cart(List<String> items, Customer customer) { public record Line(String sku) {} }"));

  @BeforeAll
  static void compile() {
    Compilation compilation = javac().compile(Compilations.with(Compilations.bindingSpi(), SHOP_WITH_LINE));
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @Test
  void readsParametersAndPathsWithTypedJava() throws Exception {
    Object cart = newCart(List.of("a", "b", "c"), "gold");
    Object box = loader.loadClass("shop.Checkout$Box").getConstructor(Object.class).newInstance(cart);

    Recording sink = bindArguments(
        "checkout(java.lang.String,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Box,int[])",
        "stripe", cart, cart, cart, box, null);

    assertThat(sink.values).containsExactly(
        Map.entry("payment.provider", "stripe"),
        Map.entry("cart.item_count", 3),
        Map.entry("customer.tier", "gold"),
        Map.entry("customer.vip", true),
        Map.entry("box.item_count", 3));
    assertThat(sink.unreadable).isEmpty();
  }

  @Test
  void bindingsOptionOffKeepsTheChecksButGeneratesNoBinder() {
    Compilation compilation = javac("-A" + Options.BINDINGS + "=false")
        .compile(Compilations.with(Compilations.bindingSpi(), SHOP_WITH_LINE));

    assertThat(compilation).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(
            compilation.generatedSourceFile("shop.Checkout_SpanwiseBindings"))
        .isEmpty();
  }

  @Test
  void oneArgumentFeedsEveryRepeatedAttribute() throws Exception {
    Recording sink = bindArguments("repeated(shop.Checkout$Cart)", newCart(List.of("a", "b"), "gold"));

    assertThat(sink.values).containsExactly(
        Map.entry("cart.item_count", 2), Map.entry("customer.tier", "gold"));
    assertThat(sink.unreadable).isEmpty();
  }

  @Test
  void nullOnThePathIsReportedWithTheRuntimesReason() throws Exception {
    Object noCustomer = newCart(List.of(), null);
    Object box = loader.loadClass("shop.Checkout$Box").getConstructor(Object.class).newInstance((Object) null);

    Recording sink = bindArguments(
        "checkout(java.lang.String,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Box,int[])",
        null, null, noCustomer, noCustomer, box, null);

    assertThat(sink.values).containsExactly(
        Map.entry("payment.provider", "null-value"));
    assertThat(sink.unreadable).containsExactly(
        Map.entry("cart.item_count", "path 'items.size' met null at the argument"),
        Map.entry("customer.tier", "path 'customer.tier' met null at 'customer'"),
        Map.entry("customer.vip", "path 'customer.vip' met null at 'customer'"),
        Map.entry("box.item_count", "path 'content.items.size' met null at 'content'"));
  }

  @Test
  void aThrowingGetterIsReportedNotThrown() throws Exception {
    Object cart = newCart(List.of("a"), "broken");

    Recording sink = bindArguments(
        "checkout(java.lang.String,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Cart,shop.Checkout$Box,int[])",
        "adyen", cart, cart, cart, null, null);

    assertThat(sink.unreadable).containsExactly(
        Map.entry("customer.tier",
            "path 'customer.tier': 'tier' threw java.lang.IllegalStateException: tier lookup failed"),
        Map.entry("box.item_count", "path 'content.items.size' met null at the argument"));
    assertThat(sink.values).contains(Map.entry("cart.item_count", 1), Map.entry("customer.vip", false));
  }

  @Test
  void resultAttributesReadTheReturnedOrCompletedValue() throws Exception {
    Object order = loader.loadClass("shop.Checkout$Order")
        .getConstructor(String.class, int.class).newInstance("order-7", 2);

    Object checkout = binder("checkout(java.lang.String,shop.Checkout$Cart,shop.Checkout$Cart,"
        + "shop.Checkout$Cart,shop.Checkout$Box,int[])");
    Object later = binder("later(shop.Checkout$Cart$Line[])");
    Recording fromCheckout = new Recording();
    Recording fromLater = new Recording();
    invoke(checkout, "bindResult", order, fromCheckout.sink());
    invoke(later, "bindResult", order, fromLater.sink());

    assertThat((Boolean) invoke(checkout, "readsResult")).isTrue();
    assertThat(fromCheckout.values).containsExactly(Map.entry("order.id", "order-7"));
    assertThat(fromLater.values).containsExactly(Map.entry("order.id", "order-7"), Map.entry("order.lines", 2));
  }

  @Test
  void everySpanMethodHasABinderAndOthersNone() throws Exception {
    Object plain = binder("plain()");

    assertThat(plain).isNotNull();
    assertThat((Boolean) invoke(plain, "readsResult")).isFalse();
    assertThat(bindings().getClass().getMethod("binderFor", String.class).invoke(bindings(), "unknown()")).isNull();
  }

  // --- helpers

  private static Object newCart(List<String> items, String tier) throws Exception {
    Object customer = tier == null ? null
        : loader.loadClass("shop.Checkout$Customer").getConstructor(String.class).newInstance(tier);
    return loader.loadClass("shop.Checkout$Cart")
        .getConstructor(List.class, loader.loadClass("shop.Checkout$Customer"))
        .newInstance(items, customer);
  }

  private static Object bindings() throws Exception {
    return loader.loadClass("shop.Checkout_SpanwiseBindings").getConstructor().newInstance();
  }

  private static Object binder(String key) throws Exception {
    Object bindings = bindings();
    return loader.loadClass("dev.spanwise.binding.SpanBindings")
        .getMethod("binderFor", String.class).invoke(bindings, key);
  }

  private static Recording bindArguments(String key, Object... arguments) throws Exception {
    Recording recording = new Recording();
    invoke(binder(key), "bindArguments", arguments, recording.sink());
    return recording;
  }

  private static Object invoke(Object binder, String method, Object... arguments) throws Exception {
    Class<?> type = loader.loadClass("dev.spanwise.binding.MethodBinder");
    for (java.lang.reflect.Method candidate : type.getMethods()) {
      if (candidate.getName().equals(method)) {
        return candidate.invoke(binder, arguments);
      }
    }
    throw new NoSuchMethodException(method);
  }

  /** An {@code AttributeSink} (of the compiled SPI) that keeps what it is given, in order. */
  static final class Recording {
    final List<Map.Entry<String, Object>> values = new ArrayList<>();
    final List<Map.Entry<String, String>> unreadable = new ArrayList<>();

    Object sink() throws ClassNotFoundException {
      Class<?> type = loader.loadClass("dev.spanwise.binding.AttributeSink");
      return Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "put" -> values.add(Map.entry((String) args[0], Optional.ofNullable(args[1]).orElse("null-value")));
          case "unreadable" -> unreadable.add(Map.entry((String) args[0], (String) args[1]));
          default -> throw new UnsupportedOperationException(method.getName());
        }
        return null;
      });
    }
  }

  /** Loads the classes compile-testing compiled, from memory. */
  static final class CompiledClassLoader extends ClassLoader {
    private final Compilation compilation;

    CompiledClassLoader(Compilation compilation) {
      super(GeneratedBindingsTest.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
          byte[] bytes = bytes(file);
          return defineClass(name, bytes, 0, bytes.length);
        }
      }
      throw new ClassNotFoundException(name);
    }

    private static byte[] bytes(JavaFileObject file) {
      try (InputStream in = file.openInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      // The compiled SPI and the shop classes come from the compilation, not the test class path.
      if (name.startsWith("shop.") || name.startsWith("dev.spanwise.binding.")) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }
  }

  private static String source(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
