package dev.spanwise.demo.client;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer: its status, its body, and the body read as JSON. */
public record ApiResponse(int status, String body, JsonNode json) {

  static ApiResponse of(HttpResponse<String> response, JsonMapper mapper) {
    String body = response.body() == null ? "" : response.body();
    JsonNode json = body.isEmpty() ? mapper.createObjectNode() : mapper.readTree(body);
    return new ApiResponse(response.statusCode(), body, json);
  }

  public boolean isOk() {
    return status >= 200 && status < 300;
  }

  /** Returns the {@code error} the server sent, or {@code "HTTP <status>"}, as the seed does. */
  public String error() {
    String error = json.path("error").asString(null);
    return error != null ? error : "HTTP " + status;
  }

  /** Returns the string field {@code name} of the body, or {@code null}. */
  public String text(String name) {
    return json.path(name).asString(null);
  }
}
