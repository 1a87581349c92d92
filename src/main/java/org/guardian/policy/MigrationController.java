package org.guardian.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/policy/migrations}: the plan between two versions of a process, the dry run over its
 * running instances, and the migration itself (a Camunda batch), for the policy team.
 */
@RestController
@RequestMapping("/api/policy/migrations")
@Validated
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  /** Which process, from which version, to which (default: the latest). */
  record MigrationRequest(
      @NotBlank @Size(max = 255) String processKey,
      @NotNull @Min(1) @Max(100000) Integer sourceVersion,
      @Min(1) @Max(100000) Integer targetVersion) {
    ProcessMigrations.Request toRequest() {
      return new ProcessMigrations.Request(processKey, sourceVersion, targetVersion);
    }
  }

  @PostMapping("/plan")
  ProcessMigrations.Plan plan(@RequestBody @Valid MigrationRequest request) {
    return migrations.plan(request.toRequest());
  }

  @PostMapping("/dry-run")
  ProcessMigrations.DryRun dryRun(@RequestBody @Valid MigrationRequest request) {
    return migrations.dryRun(request.toRequest());
  }

  @PostMapping
  ResponseEntity<ProcessMigrations.Execution> execute(
      @RequestBody @Valid MigrationRequest request) {
    ProcessMigrations.Execution done = migrations.execute(request.toRequest());
    return ResponseEntity.created(URI.create("/api/policy/migrations/" + done.migrationId()))
        .body(done);
  }

  @GetMapping("/{id}")
  ProcessMigrations.Execution get(@PathVariable @Min(1) long id) {
    return migrations.get(id);
  }
}
