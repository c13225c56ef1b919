package dev.spanwise.boot.mvc;

import dev.spanwise.testing.CapturingTransportFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring MVC application as users write it: no Spanwise configuration of its own. The one bean
 * replaces the Sentry starter's transport, so the tests read what Sentry would send.
 */
@SpringBootApplication
public class ShopApplication {

  @Bean
  CapturingTransportFactory capturingTransportFactory() {
    return new CapturingTransportFactory();
  }
}
