package org.guardian.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.guardian.common.ConflictException;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of Guardian's own pages (the dashboard, its lists and downloads, the report pages, the
 * start page) as a Chinese HTML page ({@code templates/error.html}) with the right status, for a
 * browser that asks for HTML. Runs before {@link ProblemHandling} and declines (returns null) for
 * everything else, so {@code /api/**}, {@code /engine-rest/**}, {@code /dashboard/api/**} and any
 * request that does not accept HTML keep their RFC 7807 problem bodies. Errors that never reach
 * Spring MVC (a refused CSRF token, an exception in a filter) are rendered by Spring Boot's error
 * controller with the same template.
 */
@Component
class ErrorPages implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  /** Paths that always answer problem JSON, whatever the client accepts. */
  static final List<String> API_PREFIXES = List.of("/api/", "/engine-rest/", "/camunda/",
      "/dashboard/api/");

  @Override
  public int getOrder() {
    // after Spring Boot's DefaultErrorAttributes (highest), before the @ExceptionHandler resolver
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  /** A browser asking for one of Guardian's pages (not an API path). */
  static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (API_PREFIXES.stream().anyMatch(path::startsWith)) {
      return false;
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(m -> m.getQualityValue() > 0 && m.isCompatibleWith(MediaType.TEXT_HTML)
              && !m.isWildcardType());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
      Object handler, Exception e) {
    if (!isPage(request) || response.isCommitted()) {
      return null;
    }
    HttpStatus status = statusOf(e);
    List<FieldProblem> problems = e instanceof InvalidInputException i ? i.problems() : List.of();
    String detail = detailOf(e, status);
    if (status.is5xxServerError()) {
      log.error("page error on {} {}", request.getMethod(), request.getRequestURI(), e);
    }
    ModelAndView page = new ModelAndView("error", Map.of("status", status.value(),
        "detail", detail, "problems", problems,
        "path", request.getRequestURI()));
    page.setStatus(status);
    return page;
  }

  static HttpStatus statusOf(Exception e) {
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof ForbiddenException || e instanceof AccessDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof InvalidInputException || e instanceof TypeMismatchException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof ConflictException || e instanceof OptimisticLockingFailureException
        || e instanceof DataIntegrityViolationException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof ErrorResponse r) {
      HttpStatus s = HttpStatus.resolve(r.getStatusCode().value());
      return s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /** The sentence shown under the title: Guardian's own Chinese message, never a stack trace. */
  private static String detailOf(Exception e, HttpStatus status) {
    if (e instanceof NotFoundException) {
      return "未找到：" + e.getMessage() + "（不存在，或不在您的辖区内）";
    }
    if (e instanceof ForbiddenException || e instanceof ConflictException) {
      return e.getMessage();
    }
    if (e instanceof org.springframework.web.server.ResponseStatusException r
        && r.getReason() != null) {
      return r.getReason();
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return "参数 " + m.getName() + " 的格式不正确";
    }
    return switch (status) {
      case BAD_REQUEST -> "请求的参数有误";
      case FORBIDDEN -> "您的角色无权查看此页面";
      case NOT_FOUND -> "没有这个页面，或它不在您的辖区内";
      case METHOD_NOT_ALLOWED -> "此页面不支持这种请求方式";
      case CONFLICT -> "与已有数据冲突，请刷新后重试";
      default -> "系统出现错误，已记录。请稍后重试，或联系县未成年人救助保护中心的系统管理员";
    };
  }
}
