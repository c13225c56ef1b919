package dev.spanwise.kotlin.spring

import dev.spanwise.autoconfigure.SpanwiseAutoConfiguration
import dev.spanwise.kotlin.Declined
import dev.spanwise.kotlin.Payments
import dev.spanwise.kotlin.Steps
import dev.spanwise.testing.CapturedSpans
import dev.spanwise.testing.SentryCapture
import io.sentry.Sentry
import io.sentry.SpanStatus
import io.sentry.protocol.SentryTransaction
import java.time.Duration
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.springframework.aop.support.AopUtils
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration
import org.springframework.boot.test.context.runner.ApplicationContextRunner

/**
 * The same suspend functions as Spring beans, traced through Spring's proxies by Spanwise's
 * auto-configuration (no load-time agent in this run): the span still lasts until the coroutine
 * completes, and a call to another bean inside it is its child.
 */
class SpringSuspendSpansTest {

  private lateinit var sentry: SentryCapture

  private val runner =
      ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(AopAutoConfiguration::class.java, SpanwiseAutoConfiguration::class.java))
          .withBean(Steps::class.java)
          .withBean(Payments::class.java)

  @BeforeEach
  fun start() {
    sentry = SentryCapture.start()
  }

  @AfterEach
  fun close() {
    sentry.close()
  }

  private fun inTransaction(body: suspend () -> Unit): SentryTransaction {
    val transaction = Sentry.startTransaction("spring", "test.root")
    transaction.makeCurrent().use { runBlocking { body() } }
    transaction.finish()
    assertThat(Sentry.getSpan()).isNull()
    return sentry.awaitTransaction({ it.transaction == "spring" }, Duration.ofSeconds(5))
  }

  @Test
  fun aProxiedSuspendFunctionIsTracedUntilItsCoroutineCompletes() {
    runner.run { context ->
      val payments = context.getBean(Payments::class.java)
      assertThat(AopUtils.isAopProxy(payments)).isTrue()
      val sent = inTransaction {
        assertThat(payments.charge("stripe", 7).id).isEqualTo("rcpt-stripe-commerce.payment")
      }
      val charge = CapturedSpans.onlyWithOp(sent, "commerce.payment")
      assertThat(charge.status).isEqualTo(SpanStatus.OK)
      assertThat((charge.timestamp!! - charge.startTimestamp) * 1000).isGreaterThanOrEqualTo(4.0)
      assertThat(CapturedSpans.data(charge))
          .containsEntry("payment.provider", "stripe")
          .containsEntry("payment.receipt_id", "rcpt-stripe-commerce.payment")
          .containsEntry("cart.item_count", 3)
    }
  }

  @Test
  fun callsToAnotherBeanInsideAreChildrenAcrossDispatchers() {
    runner.run { context ->
      val payments = context.getBean(Payments::class.java)
      val sent = inTransaction { assertThat(payments.fansOut(3)).hasSize(3) }
      val fanOut = CapturedSpans.onlyWithOp(sent, "test.fan_out")
      val parts = CapturedSpans.withOp(sent, "test.step")
      assertThat(parts).hasSize(3)
      assertThat(parts).allSatisfy { assertThat(it.parentSpanId).isEqualTo(fanOut.spanId) }
    }
  }

  @Test
  fun aFailureAndAFlowThroughTheProxy() {
    runner.run { context ->
      val payments = context.getBean(Payments::class.java)
      var caught: Throwable? = null
      val sent = inTransaction {
        caught = runCatching { payments.declines("adyen") }.exceptionOrNull()
        assertThat(payments.hits("q").toList()).containsExactly("q-1", "q-2")
      }
      assertThat(caught).isInstanceOf(Declined::class.java)
      assertThat(CapturedSpans.onlyWithOp(sent, "commerce.payment").status).isEqualTo(SpanStatus.INTERNAL_ERROR)
      assertThat(CapturedSpans.onlyWithOp(sent, "test.flow").status).isEqualTo(SpanStatus.OK)
    }
  }
}
