package dev.spanwise.benchmarks.compile;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The floor of the compile-time benchmark: a processor that asks javac for the {@code @Span}
 * elements and does nothing with them. Any processor of {@code @Span} pays this much (javac's
 * processing rounds, the annotation lookup); what Spanwise costs beyond it is its own.
 */
public final class NoOpProcessor extends AbstractProcessor {

  /** Named, not {@code Span.class}: this class loads on javac's processor path alone. */
  static final String SPAN = "dev.spanwise.annotations.Span";

  private int seen;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(SPAN);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        seen += element.getSimpleName().length() > 0 ? 1 : 0;
      }
    }
    return false;
  }

  /** Returns how many {@code @Span} elements javac handed over, so the work is not dead code. */
  int seen() {
    return seen;
  }
}
