package org.guardian.emergency;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/children/{id}/placements}: the placements in a child's file. */
@RestController
@Validated
class PlacementController {

  private final Placements placements;

  PlacementController(Placements placements) {
    this.placements = placements;
  }

  @GetMapping("/api/children/{id}/placements")
  List<PlacementView> placements(@PathVariable @Min(1) long id) {
    return placements.ofChild(id);
  }
}
