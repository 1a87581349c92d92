package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A production node's JVM options (src/main/jvm/node.options) are valid for the java launcher, and
 * the bench's nodes run with them but for the collector and the heap, which the bench sets itself
 * (docs/benchmarks.md, item 60).
 */
class NodeOptionsTest {

  @Test
  void theLauncherTakesTheFileAsItIs() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "@" + GuardianNode.NODE_OPTIONS,
        "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .containsPattern("Tier4InvocationThreshold\\s+= 500\\s+\\{product\\} \\{command line\\}")
        .containsPattern("UseParallelGC\\s+= true\\s+\\{product\\} \\{command line\\}");
  }

  @Test
  void theBenchsNodesTakeAllButTheCollectorAndTheHeap() {
    assertThat(GuardianNode.nodeOptions()).containsExactly("-XX:Tier4InvocationThreshold=500",
        "-XX:Tier4MinInvocationThreshold=60", "-XX:Tier4CompileThreshold=1500",
        "-XX:Tier4BackEdgeThreshold=4000");
  }

  @Test
  void noneLeavesTheJvmsDefaults() {
    String before = System.getProperty("bench.node.options");
    System.setProperty("bench.node.options", "none");
    try {
      assertThat(GuardianNode.nodeOptions()).isEqualTo(List.of());
    } finally {
      if (before == null) {
        System.clearProperty("bench.node.options");
      } else {
        System.setProperty("bench.node.options", before);
      }
    }
  }
}
