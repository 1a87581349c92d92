package org.guardian.policy;

import java.util.List;

/**
 * An upload whose models break the rules: nothing was deployed. Answered 422 with the findings
 * (file, element, rule, message) by {@code PolicyProblems}.
 */
public class ModelsRefused extends RuntimeException {

  private final transient List<Finding> findings;

  public ModelsRefused(List<Finding> findings) {
    super("模型检查未通过：" + findings.stream().filter(Finding::isError).count() + " 个问题，未部署任何内容");
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
