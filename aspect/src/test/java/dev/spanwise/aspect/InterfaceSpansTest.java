package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.aspect.fixtures.Lookups.Missing;
import dev.spanwise.aspect.fixtures.Ports.AuditedOrders;
import dev.spanwise.aspect.fixtures.Ports.CachedOrders;
import dev.spanwise.aspect.fixtures.Ports.InheritingOrders;
import dev.spanwise.aspect.fixtures.Ports.JdbcOrders;
import dev.spanwise.aspect.fixtures.Ports.Order;
import dev.spanwise.aspect.fixtures.Ports.OrderRepository;
import dev.spanwise.aspect.fixtures.Ports.Orders;
import dev.spanwise.aspect.fixtures.Ports.Pricing;
import dev.spanwise.aspect.fixtures.Ports.Repository;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Span} on interface methods, woven by the load-time agent: the calls below go through
 * the interfaces, from this woven test class ({@link InterfaceSpanAspect}).
 */
class InterfaceSpansTest {

  private SentryCapture sentry;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void implementationWithoutAnnotationsIsTracedWithTheInterfacesSpanAndAttributes() {
    Orders orders = new JdbcOrders();

    Order order = orders.find("A-17");

    assertThat(order.totalMinor()).isEqualTo(400);
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("orders.find");
    assertThat(transaction.getTransaction()).isEqualTo("JdbcOrders.find");
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction))
        .containsEntry("order.id", "A-17")
        .containsEntry("order.total_minor", 400);
  }

  @Test
  void unannotatedInterfaceMethodIsNotTraced() {
    Orders orders = new JdbcOrders();

    orders.save(new Order("A-1", 1));

    assertThat(sentry.transactions()).isEmpty();
  }

  @Test
  void expectedExceptionDeclaredOnTheInterface() {
    Orders orders = new JdbcOrders();

    Throwable thrown = catchThrowable(() -> orders.find("missing-1"));

    assertThat(thrown).isExactlyInstanceOf(Missing.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", Missing.class.getName());
  }

  @Test
  void futureOfAnInterfaceMethodFailingWithAnExpectedException() {
    Orders orders = new JdbcOrders();

    catchThrowable(() -> orders.findLater("missing-2").join());

    SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
    assertThat(root(transaction).getOperation()).isEqualTo("orders.find_later");
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
  }

  @Test
  void implementationsOwnSpanWinsAndTheCallIsTracedOnce() {
    Orders orders = new CachedOrders();

    orders.find("A-2");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("orders.find_cached");
    assertThat(transaction.getTransaction()).isEqualTo("Cached Find");
    assertThat(transaction.getSpans()).isEmpty();
    // Its parameters carry no @SpanAttribute: the interface's are read.
    assertThat(rootData(transaction)).containsEntry("order.id", "A-2");
  }

  @Test
  void subclassCallingTheImplementationItOverridesIsOneSpan() {
    Orders orders = new AuditedOrders();

    assertThat(orders.find("A-3").totalMinor()).isEqualTo(301);

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("orders.find");
    assertThat(transaction.getTransaction()).isEqualTo("AuditedOrders.find");
    assertThat(transaction.getSpans()).isEmpty();
    assertThat(rootData(transaction)).containsEntry("order.total_minor", 301);
  }

  @Test
  void subclassInheritingTheImplementationIsTraced() {
    Orders orders = new InheritingOrders();

    orders.find("A-4");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("JdbcOrders.find");
    assertThat(transaction.getSpans()).isEmpty();
  }

  @Test
  void nestedUnderTheCallersSpan() {
    Orders orders = new JdbcOrders();
    ITransaction request = Sentry.startTransaction("GET /orders", "http.server");
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      orders.find("A-5");
    }
    request.finish();

    SentrySpan find = onlyWithOp(sentry.onlyTransaction(), "orders.find");
    assertThat(find.getParentSpanId()).isEqualTo(root(sentry.onlyTransaction()).getSpanId());
    assertThat(data(find)).containsEntry("order.id", "A-5");
  }

  @Test
  void genericInterfaceMethodReadsItsPathsOnTheImplementationsTypes() {
    Repository<Order, String> repository = new OrderRepository();

    repository.findById("A-6");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("db.find");
    assertThat(rootData(transaction)).containsEntry("entity.id", "A-6");
  }

  @Test
  void lambdaImplementingAnAnnotatedInterface() {
    Pricing pricing = items -> 250L * items;

    assertThat(pricing.quote(3)).isEqualTo(750);

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("pricing.quote");
    assertThat(rootData(transaction)).containsEntry("cart.item_count", 3);
  }

  @Test
  void callThroughTheClassTypeIsNotMatchedWhenWoven() {
    // A documented limit of weaving: only calls that name the interface's method are matched.
    new JdbcOrders().find("A-7");

    assertThat(sentry.transactions()).isEmpty();
  }
}
