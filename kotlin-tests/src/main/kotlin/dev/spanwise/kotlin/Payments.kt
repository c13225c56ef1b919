package dev.spanwise.kotlin

import dev.spanwise.annotations.ExpectedException
import dev.spanwise.annotations.ResultAttribute
import dev.spanwise.annotations.Span
import dev.spanwise.annotations.SpanAttribute
import io.sentry.Sentry
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** What a charge returns: its result attributes are read from it once the coroutine completes. */
data class Receipt(val id: String, val amount: Long, val items: List<String>)

/** Thrown by the failing calls; the caller checks it gets this very instance. */
class Declined(val provider: String) : RuntimeException("declined by $provider")

/**
 * The `@Span` suspend functions and flows the tests call, as an application writes them. `open`
 * so that Spring can proxy them (the Spring tests use it as a bean).
 */
open class Payments(private val steps: Steps) {

  @Span(op = "commerce.payment", name = "Charge")
  @ResultAttribute(value = "payment.receipt_id", path = "id", custom = true)
  @ResultAttribute(value = "cart.item_count", path = "items.size", custom = true)
  open suspend fun charge(
      @SpanAttribute("payment.provider", custom = true) provider: String,
      @SpanAttribute("payment.amount", custom = true) amount: Long,
  ): Receipt {
    delay(5)
    val seenAfterDelay = Sentry.getSpan()?.operation
    return Receipt("rcpt-$provider-$seenAfterDelay", amount, listOf("a", "b", "c"))
  }

  /** Completes without ever suspending. */
  @Span(op = "test.immediate")
  @ResultAttribute(value = "call.result", custom = true)
  open suspend fun immediate(@SpanAttribute("call.id", custom = true) id: String): String = "r$id"

  /** Fails after a suspension. */
  @Span(op = "commerce.payment")
  open suspend fun declines(@SpanAttribute("payment.provider", custom = true) provider: String): Receipt {
    delay(2)
    throw Declined(provider)
  }

  /** Fails after a suspension with an expected outcome: not an error of the span. */
  @Span(op = "commerce.payment.lookup")
  @ExpectedException(value = Declined::class, status = "failed_precondition")
  open suspend fun declinesAsExpected(@SpanAttribute("payment.provider", custom = true) provider: String): Receipt {
    delay(2)
    throw Declined(provider)
  }

  /** Moves to another dispatcher and back; returns the span current there and then. */
  @Span(op = "test.switch")
  open suspend fun switches(): List<String?> {
    val onIo = withContext(Dispatchers.IO) {
      steps.step("on-io")
      Sentry.getSpan()?.operation
    }
    val back = Sentry.getSpan()?.operation
    steps.step("back")
    return listOf(onIo, back)
  }

  /** Fans out with async/await on the default dispatcher. */
  @Span(op = "test.fan_out")
  open suspend fun fansOut(@SpanAttribute("fan.count", custom = true) count: Int): List<String> =
      coroutineScope {
        (1..count).map { n -> async(Dispatchers.Default) { steps.step("part-$n") } }.awaitAll()
      }

  /** Launches two children inside its own scope: it completes when they have. */
  @Span(op = "test.launch")
  open suspend fun launches() {
    coroutineScope {
      launch(Dispatchers.Default) { steps.step("left") }
      launch(Dispatchers.Default) { steps.step("right") }
    }
  }

  /** Never completes by itself: the caller cancels it. */
  @Span(op = "test.waits")
  open suspend fun waitsForever(@SpanAttribute("call.id", custom = true) id: String): String {
    awaitCancellation()
  }

  /** Calls itself: each call is a span of its own, nested. */
  @Span(op = "test.countdown")
  open suspend fun countdown(@SpanAttribute("count.left", custom = true) left: Int): Int {
    if (left == 0) {
      return 0
    }
    delay(1)
    return countdown(left - 1) + 1
  }

  /** Only a tail call: compiled without a state machine of its own. */
  @Span(op = "test.tail")
  open suspend fun relays(@SpanAttribute("call.id", custom = true) id: String): String =
      steps.step("relayed-$id")

  /** One span per collection. */
  @Span(op = "test.flow")
  open fun hits(@SpanAttribute("search.query", custom = true) query: String): Flow<String> = flow {
    emit("$query-1")
    delay(2)
    steps.step("between")
    emit("$query-2")
  }
}

/** The nested calls: children of whichever traced call is current where they run. */
open class Steps {

  @Span(op = "test.step")
  @ResultAttribute(value = "step.result", custom = true)
  open suspend fun step(@SpanAttribute("step.name", custom = true) name: String): String {
    delay(1)
    return "done-$name"
  }

  @Span(op = "test.sync_step")
  open fun syncStep(@SpanAttribute("step.name", custom = true) name: String): String = "sync-$name"
}
