package org.guardian.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.guardian.common.ConflictException;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.workflow.TaskCompletionRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of Guardian's API is an RFC 7807 problem body. Bad input is a 400 whose {@code
 * errors} list names each bad field and why; messages are in Chinese; no personal data or stack
 * trace is echoed.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  static ProblemDetail badInput(List<FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "提交的内容有误，请按各字段的提示修改后重新提交");
    body.setTitle("输入有误");
    body.setProperty("errors", problems);
    return body;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(badInput(e.problems()));
  }

  @ExceptionHandler(TaskCompletionRejected.class)
  ResponseEntity<ProblemDetail> rejected(TaskCompletionRejected e) {
    return ResponseEntity.badRequest().body(badInput(e.problems()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> violations(ConstraintViolationException e) {
    List<FieldProblem> problems = e.getConstraintViolations().stream()
        .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList();
    return ResponseEntity.badRequest().body(badInput(problems));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    body.setTitle("未找到");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    body.setTitle("冲突");
    if (e.field() != null) {
      body.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "数据已被他人修改，请重新读取后再提交");
    body.setTitle("冲突");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    log.info("data integrity violation: {}", e.getClass().getSimpleName());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "与已有数据冲突（例如重复登记），未保存");
    body.setTitle("冲突");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        e instanceof ForbiddenException ? e.getMessage() : "无权执行此操作");
    body.setTitle("无权访问");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError f : e.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(f.getField(), f.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(badInput(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getParameterValidationResults().forEach(r -> {
      String name = r.getMethodParameter().getParameterName();
      r.getResolvableErrors().forEach(err -> problems.add(new FieldProblem(
          name == null ? "parameter" : name, err.getDefaultMessage())));
    });
    return ResponseEntity.badRequest().body(badInput(problems));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(badInput(List.of(new FieldProblem(e.getParameterName(), "必填"))));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
        : e.getPropertyName();
    return ResponseEntity.badRequest().body(badInput(List.of(new FieldProblem(
        name == null ? "parameter" : name, "类型不正确" + expected(e.getRequiredType())))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    FieldProblem problem;
    if (cause instanceof UnrecognizedPropertyException u) {
      problem = new FieldProblem(path(u), "不是可接受的字段");
    } else if (cause instanceof InvalidFormatException f) {
      problem = new FieldProblem(path(f), "值的格式或取值不正确" + expected(f.getTargetType()));
    } else if (cause instanceof MismatchedInputException m) {
      problem = new FieldProblem(path(m), "类型不正确" + expected(m.getTargetType()));
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      problem = new FieldProblem(path(m), "值不正确");
    } else {
      problem = new FieldProblem("body", "请求内容不是有效的JSON");
    }
    return ResponseEntity.badRequest().body(badInput(List.of(problem)));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type.isEnum()) {
      StringBuilder b = new StringBuilder("，可选值：");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        b.append(i == 0 ? "" : "、").append(((Enum<?>) constants[i]).name());
      }
      return b.toString();
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "，应为数字";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "，应为日期（YYYY-MM-DD）";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "，应为列表";
    }
    return "";
  }

  /** The JSON path of a mapping error, as {@code guardians[0].phone}. */
  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
