package dev.spanwise.demo.client;

import dev.spanwise.Spans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's {@code fetch}: JSON over the JDK's {@link HttpClient}, with the {@code
 * sentry-trace} and {@code baggage} headers of the calling span, so that the server's transaction
 * continues the client's trace (in the browser, Sentry's SDK adds them to {@code fetch} by itself).
 */
@Component
public class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final JsonMapper json;
  private final Environment environment;

  public ApiClient(HttpClient http, JsonMapper json, Environment environment) {
    this.http = http;
    this.json = json;
    this.environment = environment;
  }

  /** POSTs {@code body} as JSON to {@code path} and waits for the answer. */
  public ApiResponse post(String path, Object body) {
    HttpRequest request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    try {
      return ApiResponse.of(http.send(request, HttpResponse.BodyHandlers.ofString()), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + path, e);
    }
  }

  /**
   * GETs {@code path} with {@code query} parameters without waiting: cancelling the returned
   * future aborts the request, as the seed's {@code AbortController} does.
   */
  public CompletableFuture<ApiResponse> getAsync(String path, Map<String, String> query) {
    StringBuilder uri = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    HttpRequest request = request(uri.toString()).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> ApiResponse.of(response, json));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT);
    // The current span's trace headers: the server's http.server transaction becomes its child.
    Spans.traceHeaders().asMap().forEach(builder::header);
    return builder;
  }

  /** The server: {@code demo.client.base-url}, or this application on its own port. */
  private String baseUrl() {
    String configured = environment.getProperty("demo.client.base-url");
    if (configured != null) {
      return configured;
    }
    return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
  }
}
