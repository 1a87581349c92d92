package org.guardian.assistance;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/children/{id}/referrals}: the referrals to partner departments in a child's file. */
@RestController
@Validated
class AssistanceController {

  private final AssistancePlans plans;

  AssistanceController(AssistancePlans plans) {
    this.plans = plans;
  }

  @GetMapping("/api/children/{id}/referrals")
  List<ReferralView> referrals(@PathVariable @Min(1) long id) {
    return plans.ofChild(id);
  }
}
