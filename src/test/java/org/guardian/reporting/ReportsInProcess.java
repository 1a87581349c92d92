package org.guardian.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guardian.people.CurrentUser;
import org.springframework.context.ApplicationContext;

/**
 * What {@code POST /api/reports} and {@code GET /api/reports/{number}} call, without HTTP: for the
 * benchmark's walk through Guardian's service layer ({@code bench.GuardianServiceWalker}). The
 * body is read with Guardian's JSON mapper and checked as the controller's {@code @Valid} checks
 * it, then goes to the same intake; the reporter is the signed-in person of the calling thread.
 */
public final class ReportsInProcess {

  private final ReportIntake intake;
  private final ObjectMapper json;
  private final Validator validator;

  public ReportsInProcess(ApplicationContext context) {
    this.intake = context.getBean(ReportIntake.class);
    this.json = context.getBean(ObjectMapper.class);
    this.validator = context.getBean(Validator.class);
  }

  /** A report as the API takes it; its number. Invalid bodies are refused, nothing stored. */
  public String report(Map<String, Object> body) {
    ReportController.ReportRequest request =
        json.convertValue(body, ReportController.ReportRequest.class);
    Set<ConstraintViolation<ReportController.ReportRequest>> problems =
        validator.validate(request);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid report: " + problems.stream()
          .map(p -> p.getPropertyPath() + " " + p.getMessage())
          .collect(Collectors.joining("; ")));
    }
    return intake.fromReporter(request.toReport(CurrentUser.get().id())).number();
  }

  /** The number of the case a report was routed to; null while it is not routed yet. */
  public String caseNumber(String reportNumber) {
    return intake.read(reportNumber).caseNumber();
  }
}
