package dev.spanwise.boot.webflux;

import dev.spanwise.testing.CapturingTransportFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A WebFlux application as users write it; the one bean captures what Sentry would send. */
@SpringBootApplication
public class StockApplication {

  @Bean
  CapturingTransportFactory capturingTransportFactory() {
    return new CapturingTransportFactory();
  }
}
