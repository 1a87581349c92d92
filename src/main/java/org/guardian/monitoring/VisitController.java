package org.guardian.monitoring;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring part of a child's file: {@code /api/children/{id}/visits} and {@code
 * /api/children/{id}/warnings}, for whoever may read the file (as {@code /api/children/{id}}).
 */
@RestController
@RequestMapping("/api/children/{id}")
@Validated
class VisitController {

  private final ChildVisits visits;

  VisitController(ChildVisits visits) {
    this.visits = visits;
  }

  @GetMapping("/visits")
  List<VisitView> visits(@PathVariable @Min(1) long id) {
    return visits.visits(id);
  }

  @GetMapping("/warnings")
  List<WarningView> warnings(@PathVariable @Min(1) long id) {
    return visits.warnings(id);
  }
}
