package org.guardian.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.guardian.common.ForbiddenException;
import org.guardian.common.PageResult;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors list the audit log of the children's files of their area. */
@RestController
@RequestMapping("/api/audit")
@Validated
class AuditController {

  private final AuditLog auditLog;
  private final AuditChain chain;

  AuditController(AuditLog auditLog, AuditChain chain) {
    this.auditLog = auditLog;
    this.chain = chain;
  }

  /** Verifies the hash chain of the whole audit log (administrators and county supervisors). */
  @GetMapping("/verify")
  AuditChain.Verification verify() {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
      throw new ForbiddenException("只有督导管理人员可以校验审计日志");
    }
    return chain.verify();
  }

  @GetMapping
  @Transactional
  PageResult<AuditLog.AuditEntry> list(
      @RequestParam(required = false) Long childId,
      @RequestParam(required = false) @Size(max = 64) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
      throw new ForbiddenException("只有督导管理人员可以查看审计日志");
    }
    auditLog.record(AuditAction.AUDIT_READ, childId, null,
        "filters=" + (childId != null ? "childId " : "") + (actor != null ? "actor " : "")
            + (action != null ? "action" : ""));
    return auditLog.list(new AuditLog.AuditQuery(childId, actor, action, from, to), user, page,
        size);
  }
}
