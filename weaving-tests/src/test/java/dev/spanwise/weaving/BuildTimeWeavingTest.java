package dev.spanwise.weaving;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.SentryCapture;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs without any agent: every span here comes from ajc's build-time weaving. */
class BuildTimeWeavingTest {

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
  void noLoadTimeWeaverIsRunning() {
    assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        .noneMatch(argument -> argument.startsWith("-javaagent"));
  }

  @Test
  void selfInvocationPrivateAndStaticMethodsAreTracedAndNest() {
    String shipped = new Warehouse().ship("P-1");

    assertThat(shipped).isEqualTo("P-1@bin-3");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Ship Parcel");
    assertThat(root(transaction).getOperation()).isEqualTo("warehouse.ship");
    assertThat(rootData(transaction))
        .containsEntry("parcel.id", "P-1")
        .containsEntry("parcel.label", "P-1@bin-3");

    // this.pick(...): a call inside the same object.
    SentrySpan pick = onlyWithOp(transaction, "warehouse.pick");
    assertThat(pick.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(pick.getDescription()).isEqualTo("Warehouse.pick");
    assertThat(data(pick)).containsEntry("parcel.id", "P-1");

    // A private method, called from pick.
    SentrySpan weigh = onlyWithOp(transaction, "warehouse.weigh");
    assertThat(weigh.getParentSpanId()).isEqualTo(pick.getSpanId());
    assertThat(data(weigh)).containsEntry("parcel.id", "P-1");

    // A static method, called after pick returned: its sibling.
    SentrySpan label = onlyWithOp(transaction, "warehouse.label");
    assertThat(label.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(label.getDescription()).isEqualTo("Warehouse.label");
  }

  @Test
  void privateMethodNestsUnderThePublicMethodThatCallsIt() {
    new Warehouse().pick("P-22");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("warehouse.pick");
    assertThat(onlyWithOp(transaction, "warehouse.weigh").getParentSpanId())
        .isEqualTo(root(transaction).getSpanId());
  }

  @Test
  void staticMethodIsTraced() {
    Warehouse.label("P-3", "bin-9");

    assertThat(root(sentry.onlyTransaction()).getOperation()).isEqualTo("warehouse.label");
    assertThat(rootData(sentry.onlyTransaction())).containsEntry("parcel.id", "P-3");
  }
}
