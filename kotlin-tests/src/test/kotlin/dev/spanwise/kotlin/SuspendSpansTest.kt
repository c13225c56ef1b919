package dev.spanwise.kotlin

import dev.spanwise.testing.CapturedSpans
import dev.spanwise.testing.SentryCapture
import io.sentry.ITransaction
import io.sentry.Sentry
import io.sentry.SpanStatus
import io.sentry.protocol.SentrySpan
import io.sentry.protocol.SentryTransaction
import java.time.Duration
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.yield
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/**
 * `@Span` suspend functions and flows, woven by the load-time agent, through the real SDK: each
 * span lasts until its coroutine completes, is current inside it across suspensions and
 * dispatchers, and leaves the caller's scope as it was.
 */
class SuspendSpansTest {

  private lateinit var sentry: SentryCapture
  private val steps = Steps()
  private val payments = Payments(steps)

  @BeforeEach
  fun start() {
    sentry = SentryCapture.start()
  }

  @AfterEach
  fun close() {
    sentry.close()
  }

  /** Runs [body] in a transaction bound to this thread's scope; returns what Sentry sent. */
  private fun inTransaction(body: suspend (ITransaction) -> Unit): SentryTransaction {
    val transaction = Sentry.startTransaction("test", "test.root")
    transaction.makeCurrent().use { runBlocking { body(transaction) } }
    transaction.finish()
    assertThat(Sentry.getSpan()).isNull()
    return sentry.awaitTransaction({ it.transaction == "test" }, Duration.ofSeconds(5))
  }

  private fun spanWithOp(sent: SentryTransaction, op: String): SentrySpan = CapturedSpans.onlyWithOp(sent, op)

  private fun durationMillis(span: SentrySpan): Double = (span.timestamp!! - span.startTimestamp) * 1000

  @Test
  fun expectedExceptionAfterASuspensionEndsTheSpanWithItsStatus() {
    val sent = inTransaction {
      val thrown = runCatching { payments.declinesAsExpected("adyen") }.exceptionOrNull()
      assertThat(thrown).isInstanceOf(Declined::class.java).hasMessage("declined by adyen")
    }
    val lookup = spanWithOp(sent, "commerce.payment.lookup")
    assertThat(lookup.status).isEqualTo(SpanStatus.FAILED_PRECONDITION)
    assertThat(CapturedSpans.data(lookup))
        .containsEntry("exception.type", Declined::class.java.name)
        .containsEntry("payment.provider", "adyen")
  }

  @Test
  fun spanLastsUntilTheCoroutineCompletesAndReadsResultAttributesFromItsValue() {
    val sent = inTransaction { transaction ->
      val receipt = payments.charge("stripe", 4200)
      // The span was current after the suspension, on whichever thread resumed it.
      assertThat(receipt.id).isEqualTo("rcpt-stripe-commerce.payment")
      assertThat(Sentry.getSpan()).isSameAs(transaction)
    }
    val charge = spanWithOp(sent, "commerce.payment")
    assertThat(charge.status).isEqualTo(SpanStatus.OK)
    assertThat(charge.parentSpanId).isEqualTo(CapturedSpans.root(sent).spanId)
    assertThat(durationMillis(charge)).isGreaterThanOrEqualTo(4.0)
    assertThat(CapturedSpans.data(charge))
        .containsEntry("payment.provider", "stripe")
        .containsEntry("payment.amount", 4200)
        .containsEntry("payment.receipt_id", "rcpt-stripe-commerce.payment")
        .containsEntry("cart.item_count", 3)
  }

  @Test
  fun aCallThatNeverSuspendsFinishesAtOnceWithItsValue() {
    val sent = inTransaction {
      assertThat(payments.immediate("c1")).isEqualTo("rc1")
    }
    val span = spanWithOp(sent, "test.immediate")
    assertThat(span.status).isEqualTo(SpanStatus.OK)
    assertThat(CapturedSpans.data(span)).containsEntry("call.id", "c1").containsEntry("call.result", "rc1")
  }

  @Test
  fun aFailureAfterASuspensionIsRecordedAndTheSameExceptionReachesTheCaller() {
    var caught: Throwable? = null
    val sent = inTransaction {
      caught = runCatching { payments.declines("adyen") }.exceptionOrNull()
    }
    assertThat(caught).isInstanceOf(Declined::class.java)
    assertThat((caught as Declined).provider).isEqualTo("adyen")
    val span = spanWithOp(sent, "commerce.payment")
    assertThat(span.status).isEqualTo(SpanStatus.INTERNAL_ERROR)
  }

  @Test
  fun withContextKeepsTheSpanCurrentOnTheOtherDispatcherAndBack() {
    val sent = inTransaction {
      assertThat(payments.switches()).containsExactly("test.switch", "test.switch")
    }
    val switch = spanWithOp(sent, "test.switch")
    val steps = CapturedSpans.withOp(sent, "test.step")
    assertThat(steps).hasSize(2)
    assertThat(steps).allSatisfy { assertThat(it.parentSpanId).isEqualTo(switch.spanId) }
    assertThat(steps.map { CapturedSpans.data(it)["step.name"] }).containsExactlyInAnyOrder("on-io", "back")
    assertThat(steps).allSatisfy { assertThat(it.timestamp!!).isLessThanOrEqualTo(switch.timestamp!!) }
  }

  @Test
  fun asyncChildrenOnAnotherDispatcherAreChildrenOfTheCall() {
    val sent = inTransaction {
      assertThat(payments.fansOut(4)).containsExactly("done-part-1", "done-part-2", "done-part-3", "done-part-4")
    }
    val fanOut = spanWithOp(sent, "test.fan_out")
    val parts = CapturedSpans.withOp(sent, "test.step")
    assertThat(parts).hasSize(4)
    assertThat(parts).allSatisfy {
      assertThat(it.parentSpanId).isEqualTo(fanOut.spanId)
      assertThat(it.status).isEqualTo(SpanStatus.OK)
    }
    assertThat(parts.map { CapturedSpans.data(it)["step.result"] })
        .containsExactlyInAnyOrder("done-part-1", "done-part-2", "done-part-3", "done-part-4")
  }

  @Test
  fun coroutinesLaunchedInsideAreChildrenAndTheSpanEndsAfterThem() {
    val sent = inTransaction { payments.launches() }
    val launches = spanWithOp(sent, "test.launch")
    val children = CapturedSpans.childrenOf(sent, launches.spanId.toString())
    assertThat(children.map { CapturedSpans.data(it)["step.name"] }).containsExactlyInAnyOrder("left", "right")
    assertThat(children).allSatisfy { assertThat(it.timestamp!!).isLessThanOrEqualTo(launches.timestamp!!) }
  }

  @Test
  fun aCancelledCoroutineEndsItsSpanCancelled() {
    val sent = inTransaction {
      coroutineScope {
        val job = launch(start = CoroutineStart.UNDISPATCHED) { payments.waitsForever("w1") }
        yield()
        job.cancelAndJoin()
      }
    }
    val span = spanWithOp(sent, "test.waits")
    assertThat(span.status).isEqualTo(SpanStatus.CANCELLED)
    assertThat(CapturedSpans.data(span)).containsEntry("call.id", "w1")
  }

  @Test
  fun aRecursiveSuspendFunctionNestsOneSpanPerCall() {
    val sent = inTransaction { assertThat(payments.countdown(3)).isEqualTo(3) }
    val calls = CapturedSpans.withOp(sent, "test.countdown").associateBy { CapturedSpans.data(it)["count.left"] }
    assertThat(calls.keys).containsExactlyInAnyOrder(3, 2, 1, 0)
    assertThat(calls.getValue(3).parentSpanId).isEqualTo(CapturedSpans.root(sent).spanId)
    for (left in 0..2) {
      assertThat(calls.getValue(left).parentSpanId).isEqualTo(calls.getValue(left + 1).spanId)
    }
  }

  @Test
  fun aTailCallOnlyFunctionStillEndsAfterWhatItRelaysTo() {
    val sent = inTransaction { assertThat(payments.relays("t1")).isEqualTo("done-relayed-t1") }
    val relay = spanWithOp(sent, "test.tail")
    val step = spanWithOp(sent, "test.step")
    assertThat(step.parentSpanId).isEqualTo(relay.spanId)
    assertThat(relay.timestamp!!).isGreaterThanOrEqualTo(step.timestamp!!)
  }

  @Test
  fun aSuspendCallWithNothingActiveIsATransactionOfItsOwn() {
    // A fresh thread: pooled ones keep the scopes of the SDK an earlier test closed.
    Executors.newSingleThreadExecutor().asCoroutineDispatcher().use { fresh ->
      runBlocking(fresh) { payments.charge("paypal", 10) }
    }
    val sent = sentry.awaitTransactions(1, Duration.ofSeconds(5)).single()
    assertThat(sent.transaction).isEqualTo("Charge")
    assertThat(CapturedSpans.root(sent).status).isEqualTo(SpanStatus.OK)
    assertThat(CapturedSpans.rootData(sent)).containsEntry("payment.receipt_id", "rcpt-paypal-commerce.payment")
    assertThat(Sentry.getSpan()).isNull()
  }

  @Test
  fun runBlockingCallersInsideASyncCallNestUnderIt() {
    val sent = inTransaction {
      withContext(Dispatchers.IO) {
        // A plain thread with no coroutine of its own calling into suspend code.
        val thread = Thread {
          val transaction = Sentry.startTransaction("inner", "test.root")
          transaction.makeCurrent().use {
            runBlocking { payments.charge("klarna", 1) }
            assertThat(Sentry.getSpan()).isSameAs(transaction)
          }
          transaction.finish()
        }
        thread.start()
        thread.join()
      }
    }
    val inner = sentry.awaitTransaction({ it.transaction == "inner" }, Duration.ofSeconds(5))
    val charge = spanWithOp(inner, "commerce.payment")
    assertThat(charge.parentSpanId).isEqualTo(CapturedSpans.root(inner).spanId)
    assertThat(sent.spans).isEmpty()
  }

  @Test
  fun eachCollectionOfAFlowIsASpanCurrentWhileItRuns() {
    val sent = inTransaction {
      val hits = payments.hits("shoes")
      assertThat(hits.toList()).containsExactly("shoes-1", "shoes-2")
      assertThat(hits.toList()).containsExactly("shoes-1", "shoes-2")
      assertThat(hits.first()).isEqualTo("shoes-1")
    }
    val collections = CapturedSpans.withOp(sent, "test.flow")
    assertThat(collections).hasSize(3)
    assertThat(collections.map { it.status })
        .containsExactlyInAnyOrder(SpanStatus.OK, SpanStatus.OK, SpanStatus.CANCELLED)
    val between = CapturedSpans.withOp(sent, "test.step")
    assertThat(between).hasSize(2)
    assertThat(between.map { it.parentSpanId })
        .allSatisfy { parent -> assertThat(collections.map { it.spanId }).contains(parent) }
    assertThat(collections).allSatisfy { assertThat(CapturedSpans.data(it)).containsEntry("search.query", "shoes") }
  }

  @Test
  fun aFlowNobodyCollectsRecordsNothing() {
    val sent = inTransaction { payments.hits("unused") }
    assertThat(sent.spans).isEmpty()
  }

  @Test
  fun callsAfterASuspendedCallOnTheSameThreadAreItsSiblings() {
    val sent = inTransaction {
      payments.charge("a", 1)
      steps.syncStep("after")
    }
    val charge = spanWithOp(sent, "commerce.payment")
    val after = spanWithOp(sent, "test.sync_step")
    assertThat(after.parentSpanId).isEqualTo(CapturedSpans.root(sent).spanId)
    assertThat(after.startTimestamp).isGreaterThanOrEqualTo(charge.timestamp!!)
  }

  @Test
  fun sentryOffCostsTheCallNothing() {
    sentry.close()
    runBlocking { assertThat(payments.charge("off", 1).id).isEqualTo("rcpt-off-null") }
    sentry = SentryCapture.start()
  }
}
