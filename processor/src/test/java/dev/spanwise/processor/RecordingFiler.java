package dev.spanwise.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs the processor in a wrapped environment (as Gradle does) that records the files it creates,
 * which compile-testing does not show after a failed compilation. The wrapper also hides javac's
 * Trees API, so it shows that the processor goes on without it.
 */
final class RecordingFiler extends AbstractProcessor {

  final List<String> created = new ArrayList<>();
  private final SpanwiseProcessor delegate = new SpanwiseProcessor();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    Filer filer = env.getFiler();
    Filer recording = (Filer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Filer.class},
        (proxy, method, args) -> {
          if (method.getName().startsWith("create")) {
            created.add(String.valueOf(args[method.getName().equals("createResource") ? 2 : 0]));
          }
          return invoke(method, filer, args);
        });
    ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> method.getName().equals("getFiler") ? recording : invoke(method, env, args));
    super.init(wrapped);
    delegate.init(wrapped);
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }
}
