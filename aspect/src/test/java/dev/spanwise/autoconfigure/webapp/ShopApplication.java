package dev.spanwise.autoconfigure.webapp;

import dev.spanwise.testing.CapturingTransportFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A web application as users write it: no Spanwise configuration of its own. The one bean here
 * replaces the Sentry starter's transport so the test reads what would be sent.
 */
@SpringBootApplication
public class ShopApplication {

  @Bean
  CapturingTransportFactory capturingTransportFactory() {
    return new CapturingTransportFactory();
  }
}
