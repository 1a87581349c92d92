package org.guardian.policy;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/children/{id}/decisions}: the decisions made about a child, each with its decision
 * table, version, inputs and outcome (the child file's access rules, audited).
 */
@RestController
@Validated
class ChildDecisionController {

  private final ChildDecisions decisions;

  ChildDecisionController(ChildDecisions decisions) {
    this.decisions = decisions;
  }

  @GetMapping("/api/children/{id}/decisions")
  List<ChildDecisions.Decision> decisions(@PathVariable @Min(1) long id) {
    return decisions.of(id);
  }
}
