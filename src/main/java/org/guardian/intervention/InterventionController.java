package org.guardian.intervention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/children/{id}/orders}: the orders in a child's file; {@code
 * /api/interventions/{caseNumber}/court-decision}: the court's judgment on a revocation
 * application, reported by the court/procuratorate liaison (legal officers).
 */
@RestController
@Validated
class InterventionController {

  private final InterventionOrders orders;

  InterventionController(InterventionOrders orders) {
    this.orders = orders;
  }

  @GetMapping("/api/children/{id}/orders")
  List<OrderView> orders(@PathVariable @Min(1) long id) {
    return orders.ofChild(id);
  }

  /** The court's judgment: {@code ruling} granted or refused, with the judgment's number. */
  record CourtDecision(
      @NotBlank @Pattern(regexp = "granted|refused", message = "须为 granted 或 refused")
      String ruling,
      @NotBlank @Size(max = 60) String decisionNumber) {}

  @PostMapping("/api/interventions/{caseNumber}/court-decision")
  ResponseEntity<Map<String, String>> courtDecision(
      @PathVariable @Pattern(regexp = "GC-\\d{4}-\\d{6}") String caseNumber,
      @RequestBody @Valid CourtDecision decision) {
    orders.courtDecision(caseNumber, decision.ruling(), decision.decisionNumber());
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber,
        "ruling", decision.ruling()));
  }
}
