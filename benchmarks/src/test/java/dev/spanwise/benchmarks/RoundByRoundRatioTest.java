package dev.spanwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundByRoundRatioTest {

  @Test
  void theMedianRoundDecidesNotTheOutliers() {
    List<Long> floor = List.of(100L, 100L, 100L, 100L);
    List<Long> spanwise = List.of(300L, 105L, 115L, 50L);

    assertThat(CompileTimeBenchmark.roundByRoundRatio(spanwise, floor)).isCloseTo(1.10, within(1e-9));
  }

  @Test
  void aPhaseChangeBetweenTheFloorsAndSpanwisesMedianRoundsIsNotMistakenForASpeedUp() {
    // The floor's median run is a busy one, Spanwise's a quiet one: the medians say 0.525x.
    List<Long> floor = List.of(400L, 400L, 400L, 200L, 200L);
    List<Long> spanwise = List.of(420L, 420L, 210L, 210L, 210L);

    assertThat(CompileTimeBenchmark.median(spanwise) / CompileTimeBenchmark.median(floor))
        .isCloseTo(0.525, within(1e-9));
    assertThat(CompileTimeBenchmark.roundByRoundRatio(spanwise, floor)).isCloseTo(1.05, within(1e-9));
  }
}
