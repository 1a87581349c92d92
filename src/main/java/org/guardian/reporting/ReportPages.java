package org.guardian.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /reports/{number}}: a report as a page, for the caseworkers who triage it from Tasklist
 * (the task forms link here, so that names and descriptions stay out of process variables). Same
 * access rules and audit as {@code GET /api/reports/{number}}.
 */
@Controller
class ReportPages {

  private final ReportIntake intake;

  ReportPages(ReportIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/reports/{number:RP-\\d{4}-\\d{6,}}")
  String report(@PathVariable String number, Model model) {
    model.addAttribute("report", intake.read(number));
    return "report-view";
  }
}
