package org.guardian.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.guardian.common.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/children}: the child registry, one file per child. */
@RestController
@RequestMapping("/api/children")
@Validated
class ChildController {

  private final ChildService service;

  ChildController(ChildService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<ChildView> register(@RequestBody @Valid ChildData data) {
    ChildView created = service.register(data);
    return ResponseEntity.created(URI.create("/api/children/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  ChildView get(@PathVariable @Min(1) long id) {
    return service.get(id);
  }

  @PutMapping("/{id}")
  ChildView update(@PathVariable @Min(1) long id, @RequestBody @Valid ChildData data) {
    return service.update(id, data);
  }

  @GetMapping("/{id}/history")
  List<ChildHistory.Change> history(@PathVariable @Min(1) long id) {
    return service.history(id);
  }

  @GetMapping
  PageResult<ChildView.Summary> search(
      @RequestParam(required = false) @Size(max = 50) String name,
      @RequestParam(required = false) @Pattern(regexp = "[0-9]{17}[0-9Xx]",
          message = "应为18位身份证号码") String idNumber,
      @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}",
          message = "应为6、9或12位行政区划代码") String area,
      @RequestParam(required = false) Category category,
      @RequestParam(required = false) RiskFlag flag,
      @RequestParam(required = false) FileStatus fileStatus,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.search(new ChildSearch(name, idNumber, area, category, flag, fileStatus), page,
        size);
  }
}
