package org.guardian.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Time per evaluation of two of Guardian's decisions on a DMN engine alone (Camunda's default
 * configuration, FEEL), after a warm-up: how the FEEL engine on the classpath does (docs/
 * benchmarks.md, 25). Not part of the bench run; from the project's root, after {@code bench/run}
 * or {@code mvn test-compile} and the classpath step of {@code bench/run}:
 *
 * <pre>java -cp "target/test-classes:$(cat target/bench/classpath-test.txt)" \
 *     org.guardian.bench.DecisionTimes</pre>
 */
public final class DecisionTimes {

  private DecisionTimes() {}

  public static void main(String[] args) throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    Map<String, Object> report = new HashMap<>();
    for (String harm : new String[] {"sexualHarm", "injury", "violence", "abandonment",
        "childUnder3"}) {
      report.put(harm, false);
    }
    report.put("noAdultCare", true);
    report.put("neglect", true);
    report.put("priorReports", 1);
    report.put("channel", "REPORTER_API");
    Map<String, Object> assessment = new HashMap<>();
    for (String finding : new String[] {"householdPoverty", "domesticViolence",
        "guardianMisconduct", "visibleInjuries", "malnutritionOrNeglect",
        "seriousIllnessOrDisability", "behaviouralDeviation", "schoolDropout",
        "neighbourConcerns", "parentContactWeekly", "socialSupport", "childAloneWithoutCare",
        "sexualHarmSuspected", "abuseSuspected", "abandoned"}) {
      assessment.put(finding, false);
    }
    assessment.put("caregiverCapable", true);
    assessment.put("guardianCapacity", "limited");
    assessment.put("parentsAway", "none");
    assessment.put("colourOverride", null);
    time(engine, "response-priority", report, 20_000);
    time(engine, "guardianship-risk", assessment, 5_000);
  }

  private static void time(DmnEngine engine, String key, Map<String, Object> variables, int n)
      throws Exception {
    DmnDecision decision;
    try (InputStream in = Files.newInputStream(Path.of("bpmn", key + ".dmn"))) {
      decision = engine.parseDecision(key, in);
    }
    for (int round = 1; round <= 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        engine.evaluateDecision(decision, Variables.fromMap(variables));
      }
      // rounds 1-2 warm the JIT up; rounds 3-5 are the figures
      System.out.printf(Locale.ROOT, "%s round %d: %.1f us per evaluation%n", key, round,
          (System.nanoTime() - t0) / 1e3 / n);
    }
  }
}
