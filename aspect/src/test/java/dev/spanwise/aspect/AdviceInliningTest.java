package dev.spanwise.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.fixtures.LoadedBeforeTheAspect;
import dev.spanwise.aspect.testing.FreshWovenJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load-time weaver inlines {@code SpanAspect}'s advice into every woven class, including the
 * ones the JVM loads before the aspect's own class (which it loads at the first traced call). The
 * weaver inlines an around advice only when it knows the aspect's class as woven; from a class
 * marked reweavable it would keep only the unwoven bytes, so until the JVM had loaded the aspect,
 * each class got a closure instead (about 80 bytes a call on JDK 17). The aspect module is built
 * with {@code -XnotReweavable} for this.
 */
@Timeout(90)
class AdviceInliningTest {

  @Test
  void aClassLoadedBeforeTheAspectHasTheAdviceInlined() throws Exception {
    FreshWovenJvm.Outcome child =
        FreshWovenJvm.run(AdviceInliningChecks.class, "-Xlog:class+load=info");

    assertThat(child.exited()).as("the child JVM finished").isTrue();
    assertThat(child.exitValue()).as(child.printed()).isZero();
    String printed = child.printed();
    assertThat(printed.indexOf(LoadedBeforeTheAspect.class.getName() + " source:"))
        .as("the woven class loaded before the aspect, in:%n%s", printed)
        .isPositive()
        .isLessThan(printed.indexOf(SpanAspect.class.getName() + " source:"));
    assertThat(printed)
        .contains("result: 106")
        .contains("traced as: [commerce.payment]")
        .contains("closures: []");
  }
}
