package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector's pauses read from a node's {@code -Xlog:gc} file (lines as Java 17 writes them). */
class GcLogTest {

  @Test
  void parallelCollectorPausesOnceReadyWithoutTheHarnesssFullCollections() {
    GcLog log = GcLog.parse(List.of(
        "[0.003s][info][gc] Using Parallel",
        "[1.126s][info][gc] GC(0) Pause Full (Metadata GC Threshold) 20M->20M(457M) 31.748ms",
        "[8.870s][info][gc] GC(1) Pause Full (Diagnostic Command) 98M->94M(549M) 155.420ms",
        "[12.538s][info][gc] GC(2) Pause Young (Allocation Failure) 15M->3M(61M) 5.886ms",
        "[12.569s][info][gc] GC(3) Pause Full (Ergonomics) 51M->21M(61M) 10.530ms",
        "[12.571s][info][gc] GC(4) Pause Young (Allocation Failure) 37M->37M(61M) 1.788ms",
        "[13.104s][info][gc] GC(5) Pause Young (System.gc()) 29M->29M(57M) 0.679ms",
        "[13.110s][info][gc] GC(6) Pause Full (System.gc()) 29M->21M(57M) 95.701ms"), 10.2);
    assertThat(log).isEqualTo(new GcLog("Parallel", 3, 1, 10.530, 5.886 + 10.530 + 1.788));
  }

  @Test
  void g1PausesButNotItsConcurrentCycle() {
    GcLog log = GcLog.parse(List.of(
        "[0.003s][info][gc] Using G1",
        "[0.448s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 10.599ms",
        "[0.758s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Preventive Collection)"
            + " 46M->45M(64M) 21.155ms",
        "[0.758s][info][gc] GC(2) Concurrent Mark Cycle",
        "[0.801s][info][gc] GC(2) Pause Remark 50M->50M(64M) 1.250ms",
        "[0.802s][info][gc] GC(2) Pause Cleanup 50M->50M(64M) 0.050ms",
        "[0.900s][info][gc] GC(2) Concurrent Mark Cycle 142.118ms"), 0);
    assertThat(log.collector()).isEqualTo("G1");
    assertThat(log.pauses()).isEqualTo(4);
    assertThat(log.fullPauses()).isZero();
    assertThat(log.maxMs()).isEqualTo(21.155);
    assertThat(log.totalMs()).isCloseTo(10.599 + 21.155 + 1.250 + 0.050, within(1e-9));
  }
}
