package dev.spanwise.kotlin.sequences

import dev.spanwise.annotations.ResultAttribute
import dev.spanwise.annotations.Span
import dev.spanwise.annotations.SpanAttribute
import dev.spanwise.testing.SentryCapture
import io.sentry.Sentry
import io.sentry.SpanStatus
import io.sentry.protocol.SentrySpan
import io.sentry.protocol.SentryTransaction
import java.time.Duration
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.yield
import net.jqwik.api.Arbitraries
import net.jqwik.api.Arbitrary
import net.jqwik.api.Combinators
import net.jqwik.api.ForAll
import net.jqwik.api.Property
import net.jqwik.api.Provide
import net.jqwik.api.lifecycle.AfterContainer
import net.jqwik.api.lifecycle.BeforeContainer
import org.assertj.core.api.Assertions.assertThat

/**
 * The span-lifecycle sequence test of the aspect module (`aspect/.../sequences/`), for suspend
 * functions: generated trees of nested `@Span` suspend calls (suspending, never suspending,
 * failing later, moving to another dispatcher, fanning out with async, launching children, being
 * cancelled), run in a transaction through the load-time woven aspect and the real SDK, and
 * checked the same way: the caller sees the method's own result or exception and its scope as it
 * was after every call, and what Sentry would send is the modelled forest (each call's span once,
 * under its caller's span, with its status and result, finished no later than its parent).
 *
 * It lives here, not beside the aspect's, because its programs are coroutines: the aspect
 * module's tests have no Kotlin. A failure shrinks to a minimal program, printed with the
 * violations.
 */
class SuspendSequencesTest {

  enum class Kind { SUSPENDS, IMMEDIATE, THROWS, WITH_CONTEXT, ASYNC, LAUNCH, CANCELLED }

  data class Call(val id: String, val kind: Kind, val children: List<Call>) {
    fun describe(depth: Int, into: StringBuilder) {
      into.append('\n').append("  ".repeat(depth)).append(id).append(' ').append(kind)
      children.forEach { it.describe(depth + 1, into) }
    }
  }

  data class Program(val calls: List<Call>) {
    fun all(): List<Call> = calls.flatMap { flatten(it) }
    private fun flatten(call: Call): List<Call> = listOf(call) + call.children.flatMap { flatten(it) }
    override fun toString(): String = StringBuilder("program").also { text -> calls.forEach { it.describe(1, text) } }.toString()
  }

  class Boom(val id: String) : RuntimeException("boom $id", null, false, false)

  /** The generated programs' `@Span` suspend functions, one per kind; woven by the agent. */
  open class Calls {
    @Span(op = "seq.suspends")
    @ResultAttribute("call.result", custom = true)
    open suspend fun suspends(@SpanAttribute("call.id", custom = true) id: String, body: suspend () -> Unit): String {
      delay(1)
      body()
      yield()
      return "r$id"
    }

    @Span(op = "seq.immediate")
    @ResultAttribute("call.result", custom = true)
    open suspend fun immediate(@SpanAttribute("call.id", custom = true) id: String, body: suspend () -> Unit): String {
      body()
      return "r$id"
    }

    @Span(op = "seq.throws")
    open suspend fun throws(@SpanAttribute("call.id", custom = true) id: String, body: suspend () -> Unit): String {
      body()
      delay(1)
      throw Boom(id)
    }

    @Span(op = "seq.with_context")
    @ResultAttribute("call.result", custom = true)
    open suspend fun withContextCall(@SpanAttribute("call.id", custom = true) id: String, body: suspend () -> Unit): String {
      withContext(Dispatchers.Default) { body() }
      return "r$id"
    }

    @Span(op = "seq.async")
    @ResultAttribute("call.result", custom = true)
    open suspend fun asyncCall(@SpanAttribute("call.id", custom = true) id: String, bodies: List<suspend () -> Unit>): String {
      coroutineScope { bodies.map { body -> async(Dispatchers.Default) { body() } }.awaitAll() }
      return "r$id"
    }

    @Span(op = "seq.launch")
    @ResultAttribute("call.result", custom = true)
    open suspend fun launchCall(@SpanAttribute("call.id", custom = true) id: String, bodies: List<suspend () -> Unit>): String {
      coroutineScope { bodies.forEach { body -> launch(Dispatchers.Default) { body() } } }
      return "r$id"
    }

    @Span(op = "seq.waits")
    open suspend fun waits(@SpanAttribute("call.id", custom = true) id: String): String = awaitCancellation()
  }

  private val calls = Calls()

  @Property(tries = 300, seed = "20261203")
  fun everySuspendProgramSendsItsModelledForestAndLeavesNothingBehind(@ForAll("programs") program: Program) {
    sentry.clear()
    val violations = Collections.synchronizedList(mutableListOf<String>())
    val transaction = Sentry.startTransaction("seq", "test.root")
    transaction.makeCurrent().use {
      runBlocking { program.calls.forEach { run(it, violations) } }
    }
    transaction.finish()
    if (Sentry.getSpan() != null) {
      violations.add("after the transaction the thread's current span is ${Sentry.getSpan()}")
    }
    val sent = sentry.awaitTransactions(1, Duration.ofSeconds(10)).single()
    violations.addAll(check(program, sent))
    programs.incrementAndGet()
    assertThat(violations).`as`("what went wrong in\n%s", program).isEmpty()
  }

  private suspend fun run(call: Call, violations: MutableList<String>) {
    val before = Sentry.getSpan()
    val id = call.id
    val body: suspend () -> Unit = { call.children.forEach { run(it, violations) } }
    val bodies: List<suspend () -> Unit> = call.children.map { child -> suspend { run(child, violations) } }
    val result: String? = when (call.kind) {
      Kind.SUSPENDS -> calls.suspends(id, body)
      Kind.IMMEDIATE -> calls.immediate(id, body)
      Kind.WITH_CONTEXT -> calls.withContextCall(id, body)
      Kind.ASYNC -> calls.asyncCall(id, bodies)
      Kind.LAUNCH -> calls.launchCall(id, bodies)
      Kind.THROWS -> {
        try {
          calls.throws(id, body)
          violations.add("$id: returned instead of throwing")
        } catch (boom: Boom) {
          if (boom.id != id) violations.add("$id: the caller got the exception of ${boom.id}")
        }
        null
      }
      Kind.CANCELLED -> {
        coroutineScope {
          val job = launch(start = CoroutineStart.UNDISPATCHED) { calls.waits(id) }
          yield()
          job.cancelAndJoin()
        }
        null
      }
    }
    if (result != null && result != "r$id") violations.add("$id: the caller got $result, not r$id")
    val after = Sentry.getSpan()
    if (after !== before) violations.add("$id: the current span was $before before the call, $after after")
  }

  private fun check(program: Program, sent: SentryTransaction): List<String> {
    val violations = mutableListOf<String>()
    val byId = mutableMapOf<String, SentrySpan>()
    for (span in sent.spans) {
      val id = span.data?.get("call.id")?.toString() ?: continue
      if (byId.put(id, span) != null) violations.add("$id: sent twice")
    }
    if (sent.spans.size != program.all().size) {
      violations.add("sent ${sent.spans.size} spans, expected ${program.all().size}")
    }
    val root = sent.contexts.trace!!
    fun checkCall(call: Call, parentId: String, parentEnd: Double?) {
      val span = byId[call.id] ?: return run { violations.add("${call.id}: span missing") }
      if (span.parentSpanId?.toString() != parentId) {
        violations.add("${call.id}: parent ${span.parentSpanId}, expected $parentId")
      }
      val end = span.timestamp
      if (end == null) violations.add("${call.id}: not finished")
      else if (parentEnd != null && end > parentEnd) violations.add("${call.id}: finished after its parent")
      val expected = when (call.kind) {
        Kind.THROWS -> SpanStatus.INTERNAL_ERROR
        Kind.CANCELLED -> SpanStatus.CANCELLED
        else -> SpanStatus.OK
      }
      if (span.status != expected) violations.add("${call.id}: status ${span.status}, expected $expected")
      if (expected == SpanStatus.OK && span.data?.get("call.result") != "r${call.id}") {
        violations.add("${call.id}: call.result = ${span.data?.get("call.result")}")
      }
      call.children.forEach { checkCall(it, span.spanId.toString(), end) }
    }
    program.calls.forEach { checkCall(it, root.spanId.toString(), sent.timestamp) }
    return violations
  }

  @Provide
  fun programs(): Arbitrary<Program> =
      call(3).list().ofMinSize(1).ofMaxSize(4).map { numbered(it) }

  private fun call(depth: Int): Arbitrary<Call> {
    val children: Arbitrary<List<Call>> =
        if (depth <= 1) Arbitraries.just(listOf()) else Arbitraries.lazy { call(depth - 1) }.list().ofMaxSize(3)
    return Combinators.combine(Arbitraries.of(Kind::class.java), children)
        .`as` { kind, calls -> Call("", kind, if (kind == Kind.CANCELLED) listOf() else calls) }
  }

  private fun numbered(calls: List<Call>): Program {
    val next = AtomicInteger()
    fun number(call: Call): Call = Call("c${next.incrementAndGet()}", call.kind, call.children.map { number(it) })
    return Program(calls.map { number(it) })
  }

  companion object {
    private lateinit var sentry: SentryCapture
    private val programs = AtomicInteger()

    @JvmStatic
    @BeforeContainer
    fun startSentry() {
      sentry = SentryCapture.start()
    }

    @JvmStatic
    @AfterContainer
    fun closeSentry() {
      println("[suspend sequences, woven] ${programs.get()} programs checked")
      sentry.close()
    }
  }
}
