package dev.spanwise.benchmarks.compile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in this JVM, as Maven's compiler plugin runs it: javac warm, the processor loaded anew for
 * each compilation from its {@code -processorpath}, in a class loader that sees javac's API and
 * the JDK and nothing else. javac's own {@code -processorpath} loader would delegate to this JVM's
 * class path first, which holds the processor (the benchmark names it), and then every run after
 * the first would reuse the classes, and the code, the JIT compiled for an earlier one; a build
 * never does.
 */
public final class InProcessJavac {

  private InProcessJavac() {}

  /**
   * Runs javac with {@code arguments} (javac's own; {@code @file} names a file of source paths,
   * {@code -processorpath} and {@code -processor} are applied as described above); returns its
   * wall and CPU milliseconds, the CPU time of the thread that runs it (javac and the processors
   * run on it; the GC and JIT threads are left out).
   */
  public static long[] time(List<String> arguments, String label) throws IOException {
    List<String> options = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    String processorPath = null;
    String processor = null;
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals("-processorpath")) {
        processorPath = arguments.get(++i);
      } else if (argument.equals("-processor")) {
        processor = arguments.get(++i);
      } else if (argument.startsWith("@")) {
        Files.readAllLines(Path.of(argument.substring(1))).forEach(line -> sources.add(Path.of(line)));
      } else {
        options.add(argument);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
        URLClassLoader loader = processor == null ? null : processorLoader(processorPath)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      JavaCompiler.CompilationTask task =
          javac.getTask(new PrintWriter(log), files, null, options, null, units);
      if (loader != null) {
        task.setProcessors(List.of(instantiate(loader, processor)));
      }
      compiled = task.call();
    }
    long wall = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    if (!compiled) {
      throw new IllegalStateException("javac (" + label + ") failed:\n" + log);
    }
    return new long[] {TimeUnit.NANOSECONDS.toMillis(wall), TimeUnit.NANOSECONDS.toMillis(cpu)};
  }

  private static URLClassLoader processorLoader(String processorPath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : processorPath.split(java.io.File.pathSeparator)) {
      try {
        urls.add(Path.of(entry).toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader("processor-path", urls.toArray(new URL[0]), new JdkOnly());
  }

  private static Processor instantiate(ClassLoader loader, String processor) {
    try {
      return (Processor) Class.forName(processor, true, loader).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the processor " + processor, e);
    }
  }

  /** The JDK's classes, javac's API among them (the application loader defines jdk.compiler). */
  private static final class JdkOnly extends ClassLoader {

    JdkOnly() {
      super("jdk-only", ClassLoader.getSystemClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
          || name.startsWith("com.sun.") || name.startsWith("sun.")) {
        return super.loadClass(name, resolve);
      }
      throw new ClassNotFoundException(name);
    }
  }
}
