package dev.spanwise.boot.webflux;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the WebFlux application on Netty, as WebFlux applications run: Boot would pick Tomcat,
 * which the MVC tests put on the class path (and on which Sentry's web filter reads a recycled
 * response and drops some transactions). Per Boot version, as the class moved in Boot 4.
 */
@Configuration(proxyBeanMethods = false)
class NettyServer {

  @Bean
  NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
    return new NettyReactiveWebServerFactory();
  }
}
