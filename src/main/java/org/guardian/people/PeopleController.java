package org.guardian.people;

import java.util.List;
import java.util.Set;
import org.guardian.common.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me} (who am I, my roles and areas) and {@code /api/areas} (the area tree). */
@RestController
@RequestMapping("/api")
class PeopleController {

  private final Areas areas;

  PeopleController(Areas areas) {
    this.areas = areas;
  }

  record Me(String id, Set<Role> roles, Set<String> areaCodes) {}

  record AreaView(String code, String name, AreaLevel level, String parentCode) {
    static AreaView of(Area a) {
      return new AreaView(a.getCode(), a.getName(), a.getLevel(), a.getParentCode());
    }
  }

  @GetMapping("/me")
  Me me() {
    CurrentUser user = CurrentUser.get();
    return new Me(user.id(), user.roles(), user.areaCodes());
  }

  @GetMapping("/areas")
  List<AreaView> counties() {
    return areas.all(AreaLevel.COUNTY).stream().map(AreaView::of).toList();
  }

  @GetMapping("/areas/{code}/subareas")
  List<AreaView> below(@PathVariable String code) {
    if (areas.find(code).isEmpty()) {
      throw new NotFoundException("行政区划不存在");
    }
    return areas.childrenOf(code).stream().map(AreaView::of).toList();
  }
}
