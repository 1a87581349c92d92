package org.guardian.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guardian.common.FieldProblem;
import org.guardian.common.InvalidInputException;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.guardian.people.Areas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public report page {@code /report}: anyone may report a child in danger, without logging in
 * and anonymously if they wish. The form carries Spring Security's CSRF token; submissions are
 * rate-limited per client address ({@link PublicReportRateLimit}); a stored report is confirmed on
 * {@code /report/received} with its number (post, redirect, get).
 */
@Controller
@RequestMapping("/report")
class PublicReportPage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ReportIntake intake;
  private final PublicReportRateLimit limit;
  private final Areas areas;
  private final String countyCode;
  private final ZoneId zone;

  PublicReportPage(ReportIntake intake, PublicReportRateLimit limit, Areas areas,
      @Value("${guardian.county-code:371330}") String countyCode,
      @Value("${guardian.time-zone:Asia/Shanghai}") String zone) {
    this.intake = intake;
    this.limit = limit;
    this.areas = areas;
    this.countyCode = countyCode;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("form", new PublicReportForm());
    return page(model);
  }

  @PostMapping
  String submit(@Valid @ModelAttribute("form") PublicReportForm form, BindingResult errors,
      Model model, HttpServletRequest request, HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!limit.tryAcquire(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", "3600");
      model.addAttribute("perHour", limit.perHour());
      return "report-limited";
    }
    NewReport report = form.toReport();
    reject(errors, intake.check(report, ""));
    if (!errors.hasErrors()) {
      try {
        ReportIntake.Receipt receipt = intake.fromPublic(report);
        redirect.addFlashAttribute("number", receipt.number());
        redirect.addFlashAttribute("receivedAt",
            TIME.format(receipt.receivedAt().atZone(zone)));
        redirect.addFlashAttribute("acknowledgedAt", receipt.acknowledgedAt() == null ? null
            : TIME.format(receipt.acknowledgedAt().atZone(zone)));
        return "redirect:/report/received";
      } catch (InvalidInputException e) {
        reject(errors, e.problems());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(model);
  }

  /** The intake's problems, on the form's fields (one message per field). */
  private static void reject(BindingResult errors, List<FieldProblem> problems) {
    for (FieldProblem p : problems) {
      String field = switch (p.field()) {
        case "villageCode", "townshipCode" -> "area";
        default -> p.field();
      };
      if (!errors.hasFieldErrors(field)) {
        errors.rejectValue(field, "invalid", p.message());
      }
    }
  }

  @GetMapping("/received")
  String received(Model model) {
    if (!model.containsAttribute("number")) {
      return "redirect:/report";
    }
    return "report-received";
  }

  private String page(Model model) {
    Map<String, List<Area>> villages = new LinkedHashMap<>();
    for (Area township : areas.all(AreaLevel.TOWNSHIP)) {
      if (township.getCode().startsWith(countyCode)) {
        villages.put(township.getCode(), areas.childrenOf(township.getCode()));
      }
    }
    model.addAttribute("townships", areas.all(AreaLevel.TOWNSHIP).stream()
        .filter(t -> t.getCode().startsWith(countyCode)).toList());
    model.addAttribute("villages", villages);
    return "report";
  }
}
