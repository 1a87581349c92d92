package org.guardian.policy;

import java.util.List;
import org.guardian.common.FieldProblem;

/** The engine refused the generated migration plan; each problem names a source step. */
public class MigrationPlanRefused extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public MigrationPlanRefused(List<FieldProblem> problems) {
    super("无法生成迁移计划：" + problems.size() + " 个步骤的映射不成立");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
