package dev.spanwise.demo.tour;

import dev.spanwise.demo.client.Cart;
import dev.spanwise.demo.client.ChatReply;
import dev.spanwise.demo.client.CheckoutButton;
import dev.spanwise.demo.client.Conversation;
import dev.spanwise.demo.client.OrderConfirmation;
import dev.spanwise.demo.client.SearchBox;
import dev.spanwise.demo.client.SearchResults;
import dev.spanwise.demo.client.SelectedFile;
import dev.spanwise.demo.client.SupportChat;
import dev.spanwise.demo.client.UploadForm;
import dev.spanwise.demo.client.UploadOutcome;
import dev.spanwise.demo.tracing.TraceRecorder;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A scripted user of the four flows, through the client over real HTTP: each flow's successes and
 * failures, each one trace from the client's span down to the server's and the queue consumer's.
 */
@Component
public class Tour {

  private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(10);

  private final CheckoutButton checkoutButton;
  private final UploadForm uploadForm;
  private final SearchBox searchBox;
  private final SupportChat supportChat;
  private final TraceRecorder recorder;

  private final List<TourReport.Step> steps = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private int expectedTransactions;

  public Tour(
      CheckoutButton checkoutButton,
      UploadForm uploadForm,
      SearchBox searchBox,
      SupportChat supportChat,
      TraceRecorder recorder) {
    this.checkoutButton = checkoutButton;
    this.uploadForm = uploadForm;
    this.searchBox = searchBox;
    this.supportChat = supportChat;
    this.recorder = recorder;
  }

  /** Runs every step once; returns what happened. */
  public synchronized TourReport run() {
    steps.clear();
    labels.clear();
    expectedTransactions = 0;
    checkout();
    upload();
    search();
    chat();
    return new TourReport(List.copyOf(steps), new LinkedHashMap<>(labels), expectedTransactions);
  }

  private void checkout() {
    Cart.Item tee = new Cart.Item("crash-tee", 2, 2_500);
    Cart.Item mug = new Cart.Item("stacktrace-mug", 1, 1_200);
    Cart.Item espresso = new Cart.Item("espresso-machine", 3, 49_900);
    Cart.Item unknown = new Cart.Item("flux-capacitor", 1, 9_900);
    checkoutStep("empty cart", Cart.of(), "stripe", "400 Cart is empty");
    checkoutStep("unknown product", Cart.of(unknown), "stripe", "400 Invalid cart item");
    checkoutStep("3 espresso machines, over the card limit", Cart.of(espresso), "paypal",
        "402 Payment failed");
    checkoutStep("2 tees and a mug", Cart.of(tee, mug), "stripe", "200 order via stripe");
  }

  private void checkoutStep(String action, Cart cart, String provider, String expected) {
    step("checkout", action, expected, 2, () -> {
      OrderConfirmation order = checkoutButton.checkout(cart, provider);
      return order.httpStatus() == 200
          ? "200 order via " + order.provider()
          : order.httpStatus() + " " + order.error();
    });
  }

  private void upload() {
    uploadStep("a file without a type", new SelectedFile("notes", "", 2_048), 2,
        "400 Upload failed: Missing required fields");
    uploadStep("an 80 MB video", new SelectedFile("holiday.mov", "video/quicktime", 80L << 20), 2,
        "400 Upload failed: File too large (max 50MB)");
    // The third transaction is the queue consumer's, in the same trace.
    uploadStep("a 3 MB photo", new SelectedFile("beach.jpg", "image/jpeg", 3_400_000), 3,
        "200 processing");
  }

  private void uploadStep(String action, SelectedFile file, int transactions, String expected) {
    step("upload", action, expected, transactions, () -> {
      UploadOutcome outcome = uploadForm.upload(file);
      return outcome.success() ? outcome.httpStatus() + " processing"
          : outcome.httpStatus() + " " + outcome.error();
    });
  }

  private void search() {
    step("search", "the box cleared: \"\"", "0 titles", 2, () -> {
      searchBox.onInput("");
      return titles(searchBox.awaitResults(SEARCH_TIMEOUT));
    });
    step("search", "typed \"g\", \"ga\": one prefix request", "found titles", 2, () -> {
      searchBox.onInput("g");
      searchBox.onInput("ga");
      return titles(searchBox.awaitResults(SEARCH_TIMEOUT));
    });
    step("search", "typed \"galxy\", a typo: fuzzy", "found titles", 2, () -> {
      searchBox.onInput("galxy");
      return titles(searchBox.awaitResults(SEARCH_TIMEOUT));
    });
    step("search", "\"sil\" in flight, then \"silent\"", "aborted, then found titles", 4, () -> {
      searchBox.onInput("s");
      searchBox.onInput("si");
      CompletableFuture<SearchResults> sil = searchBox.onInput("sil");
      // The debounce passes and "sil" goes out; the next keystrokes come while it is in flight.
      pause(SearchBox.DEBOUNCE_MS + 250);
      searchBox.onInput("sile");
      searchBox.onInput("silen");
      searchBox.onInput("silent");
      SearchResults silent = searchBox.awaitResults(SEARCH_TIMEOUT);
      return titles(sil.join()) + ", then " + titles(silent);
    });
  }

  private static String titles(SearchResults results) {
    if (results.aborted()) {
      return "aborted";
    }
    return results.titles().isEmpty() ? "0 titles" : "found titles";
  }

  private void chat() {
    Conversation conversation = new Conversation("session_" + System.currentTimeMillis());
    step("chat", "\"Hi there!\"", "answered, 0 tools", 2, () -> chatTurn(conversation, "Hi there!"));
    step("chat", "a question about refunds", "resolved, 1 tools", 2,
        () -> chatTurn(conversation, "How do I return my espresso machine for a refund?"));
  }

  private String chatTurn(Conversation conversation, String message) {
    ChatReply reply = supportChat.send(conversation, message);
    return reply.httpStatus() != 200
        ? reply.httpStatus() + " " + reply.error()
        : reply.resolutionStatus() + ", " + reply.toolsUsed() + " tools";
  }

  /**
   * Runs one step, then labels the traces it started: the client's transactions, the only ones
   * without a parent (the server's and the consumer's continue them).
   */
  private void step(
      String flow, String action, String expected, int transactions, Supplier<String> body) {
    int before = recorder.transactions().size();
    String actual;
    try {
      actual = body.get();
    } catch (RuntimeException e) {
      actual = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    steps.add(new TourReport.Step(flow, action, expected, actual));
    expectedTransactions += transactions;
    List<String> traces = new ArrayList<>();
    List<SentryTransaction> recorded = recorder.transactions();
    for (SentryTransaction transaction : recorded.subList(before, recorded.size())) {
      if (transaction.getContexts().getTrace().getParentSpanId() == null) {
        traces.add(transaction.getContexts().getTrace().getTraceId().toString());
      }
    }
    for (int i = 0; i < traces.size(); i++) {
      String request = traces.size() == 1 ? "" : String.format(" (request %d of %d)", i + 1, traces.size());
      labels.put(traces.get(i), flow + ": " + action + request);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
