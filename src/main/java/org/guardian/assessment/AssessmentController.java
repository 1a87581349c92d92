package org.guardian.assessment;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/children/{id}/assessments}: the guardianship-risk assessments in a child's file. */
@RestController
@Validated
class AssessmentController {

  private final Assessments assessments;

  AssessmentController(Assessments assessments) {
    this.assessments = assessments;
  }

  @GetMapping("/api/children/{id}/assessments")
  List<AssessmentView> assessments(@PathVariable @Min(1) long id) {
    return assessments.ofChild(id);
  }
}
