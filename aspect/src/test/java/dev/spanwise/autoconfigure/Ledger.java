package dev.spanwise.autoconfigure;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import io.sentry.ISpan;
import io.sentry.Sentry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** A {@code @Span} method that is also {@code @Transactional}, and a manager that sees the commit. */
public class Ledger {

  @Span(op = "ledger.post")
  @Transactional
  public void post(@SpanAttribute("ledger.account") String account) {}

  /** A real transaction manager with nothing behind it: it records what was current at commit. */
  public static final class RecordingTransactionManager extends AbstractPlatformTransactionManager {

    /** What {@code Sentry.getSpan()} returned at each commit; {@code null} where none. */
    public final List<ISpan> spansAtCommit = new ArrayList<>();

    /** Whether that span was still open at each commit. */
    public final List<Boolean> openAtCommit = new ArrayList<>();

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      ISpan current = Sentry.getSpan();
      spansAtCommit.add(current);
      openAtCommit.add(current != null && !current.isFinished());
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
