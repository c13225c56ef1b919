package dev.spanwise.benchmarks.compile;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Tells {@link InProcessJavacTest} which class loader javac ran it from, through a system property
 * (the one thing both class loaders share).
 */
public final class LoaderProbeProcessor extends AbstractProcessor {

  static final String PROPERTY = "spanwise.test.processorLoader";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    ClassLoader loader = getClass().getClassLoader();
    System.setProperty(PROPERTY, loader.getName() + "@" + System.identityHashCode(loader));
    return false;
  }
}
