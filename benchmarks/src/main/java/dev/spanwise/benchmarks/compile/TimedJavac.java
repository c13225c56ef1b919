package dev.spanwise.benchmarks.compile;

import java.lang.management.ManagementFactory;
import java.util.spi.ToolProvider;

/**
 * javac as a whole process that reports its own CPU time: {@code java -cp … TimedJavac <javac
 * arguments>} runs the JDK's javac in this JVM, then prints {@code cpu-nanos=<n>}, the CPU time
 * of the whole process (JVM start, JIT and GC threads included). CPU time, unlike wall time, does
 * not grow when other builds on a shared machine take the cores away.
 */
public final class TimedJavac {

  static final String CPU_PREFIX = "cpu-nanos=";

  private TimedJavac() {}

  public static void main(String[] args) {
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    int exit = javac.run(System.out, System.err, args);
    System.out.println(CPU_PREFIX + processCpuNanos());
    System.exit(exit);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
