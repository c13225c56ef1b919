package dev.spanwise.demo.agent;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/ai/chat}: one turn of the conversation with the support agent. */
@RestController
public class ChatController {

  private final SupportAgent agent;

  public ChatController(SupportAgent agent) {
    this.agent = agent;
  }

  @PostMapping("/api/ai/chat")
  public ResponseEntity<ChatResult> chat(@RequestBody ChatRequest request) {
    ChatResult result = agent.chat(request);
    return ResponseEntity.status(result.status()).body(result);
  }
}
