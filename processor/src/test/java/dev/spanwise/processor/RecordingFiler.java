package dev.spanwise.processor;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
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
import javax.tools.FileObject;

/**
 * Runs the processor in a wrapped environment (as Gradle does) that records the files it creates,
 * which compile-testing does not show after a failed compilation. The wrapper also hides javac's
 * Trees API, so it shows that the processor goes on without it.
 */
final class RecordingFiler extends AbstractProcessor {

  final List<String> created = new ArrayList<>();
  /** What was written to the catalogue resource. */
  final StringBuilder catalogue = new StringBuilder();
  private final SpanwiseProcessor delegate = new SpanwiseProcessor();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    Filer filer = env.getFiler();
    Filer recording = (Filer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Filer.class},
        (proxy, method, args) -> {
          if (method.getName().startsWith("create")) {
            created.add(String.valueOf(args[method.getName().equals("createResource") ? 2 : 0]));
          }
          Object created = invoke(method, filer, args);
          return method.getName().equals("createResource") ? recording((FileObject) created) : created;
        });
    ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> method.getName().equals("getFiler") ? recording : invoke(method, env, args));
    super.init(wrapped);
    delegate.init(wrapped);
  }

  /** The file, whose writer also copies what it writes into {@link #catalogue}. */
  private FileObject recording(FileObject file) {
    return (FileObject) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FileObject.class},
        (proxy, method, args) -> {
          Object result = invoke(method, file, args);
          if (!method.getName().equals("openWriter")) {
            return result;
          }
          return new FilterWriter((Writer) result) {
            @Override
            public void write(String text, int offset, int length) throws IOException {
              catalogue.append(text, offset, offset + length);
              super.write(text, offset, length);
            }

            @Override
            public void write(char[] text, int offset, int length) throws IOException {
              catalogue.append(text, offset, length);
              super.write(text, offset, length);
            }

            @Override
            public void write(int c) throws IOException {
              catalogue.append((char) c);
              super.write(c);
            }
          };
        });
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
