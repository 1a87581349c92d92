package org.guardian.policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused models: 422 with an RFC 7807 body whose {@code findings} name file, element and rule; a
 * refused migration plan: 422 whose {@code errors} name the source steps.
 */
@RestControllerAdvice
class PolicyProblems {

  @ExceptionHandler(ModelsRefused.class)
  ResponseEntity<ProblemDetail> refused(ModelsRefused e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        e.getMessage());
    body.setTitle("模型未通过检查");
    body.setProperty("findings", e.findings());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
  }

  @ExceptionHandler(MigrationPlanRefused.class)
  ResponseEntity<ProblemDetail> planRefused(MigrationPlanRefused e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        e.getMessage());
    body.setTitle("无法生成迁移计划");
    body.setProperty("errors", e.problems());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
  }
}
