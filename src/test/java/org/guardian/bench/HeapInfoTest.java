package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The heap in use, read from {@code jcmd GC.heap_info} whichever collector the node runs. */
class HeapInfoTest {

  @Test
  void g1HasOneLineForTheWholeHeap() {
    String info = """
         garbage-first heap   total 1048576K, used 108421K [0x00000000c0000000, 0x0000000100000000)
          region size 1024K, 2 young (2048K), 0 survivors (0K)
         Metaspace       used 98765K, committed 99328K, reserved 1179648K
          class space    used 12345K, committed 12800K, reserved 1048576K
        """;
    assertThat(GuardianNode.usedHeapKiB(info)).isEqualTo(108421);
  }

  @Test
  void theParallelCollectorHasALinePerGeneration() {
    String info = """
         PSYoungGen      total 305664K, used 5324K [0x00000000eab00000, 0x0000000100000000)
          eden space 262144K, 2% used [0x00000000eab00000,0x00000000eb033220,0x00000000fab00000)
          from space 43520K, 0% used [0x00000000fd580000,0x00000000fd580000,0x0000000100000000)
         ParOldGen       total 699392K, used 101000K [0x00000000c0000000, 0x00000000eab00000)
          object space 699392K, 14% used [0x00000000c0000000,0x00000000c62a2000,0x00000000eab00000)
         Metaspace       used 98765K, committed 99328K, reserved 1179648K
        """;
    assertThat(GuardianNode.usedHeapKiB(info)).isEqualTo(5324 + 101000);
  }

  @Test
  void noFigureIsAnError() {
    assertThatThrownBy(() -> GuardianNode.usedHeapKiB("no such output"))
        .isInstanceOf(IllegalStateException.class);
  }
}
