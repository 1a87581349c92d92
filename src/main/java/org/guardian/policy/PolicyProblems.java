package org.guardian.policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused models: 422 with an RFC 7807 body whose {@code findings} name file, element and rule. */
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
}
