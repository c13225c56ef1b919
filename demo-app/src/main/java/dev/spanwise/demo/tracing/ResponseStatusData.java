package dev.spanwise.demo.tracing;

import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanDataConvention;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the HTTP status code on the request's {@code http.server} transaction, as {@code
 * http.response.status_code}. Sentry's Spring MVC filter maps the code to a span status, and for
 * codes without one (such as the checkout's 402) records nothing, so the trace would not say how
 * the request ended. Runs inside that filter (Spring's default, lowest, order), while the
 * transaction is current.
 */
@Component
public class ResponseStatusData extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      ITransaction transaction = Sentry.getCurrentScopes().getTransaction();
      if (transaction != null) {
        transaction.setData(SpanDataConvention.HTTP_STATUS_CODE_KEY, response.getStatus());
      }
    }
  }
}
