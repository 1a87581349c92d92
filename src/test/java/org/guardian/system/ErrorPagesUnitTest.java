package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.guardian.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** Which requests get the HTML error page, and with what status. */
class ErrorPagesUnitTest {

  final ErrorPages pages = new ErrorPages();

  static MockHttpServletRequest request(String path, String accept) {
    MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
    if (accept != null) {
      r.addHeader("Accept", accept);
    }
    return r;
  }

  @Test
  void anUnexpectedFailureOfAPageIsA500PageWithoutItsMessage() {
    ModelAndView page = pages.resolveException(request("/dashboard", "text/html"),
        new MockHttpServletResponse(), null, new IllegalStateException("secret detail 王小明"));
    assertThat(page).isNotNull();
    assertThat(page.getStatus().value()).isEqualTo(500);
    assertThat(page.getViewName()).isEqualTo("error");
    assertThat(page.getModel().get("detail").toString()).contains("系统出现错误")
        .doesNotContain("王小明");
  }

  @Test
  void apiPathsAndClientsThatDoNotAskForHtmlAreLeftToTheProblemHandler() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    NotFoundException e = new NotFoundException("儿童档案 1");
    assertThat(pages.resolveException(request("/api/children/1", "text/html"), response, null, e))
        .isNull();
    assertThat(pages.resolveException(request("/dashboard/api/summary", "text/html"), response,
        null, e)).isNull();
    assertThat(pages.resolveException(request("/dashboard", "application/json"), response, null,
        e)).isNull();
    assertThat(pages.resolveException(request("/dashboard", "*/*"), response, null, e)).isNull();
    assertThat(pages.resolveException(request("/dashboard", null), response, null, e)).isNull();
    assertThat(pages.resolveException(request("/dashboard", "text/html"), response, null, e)
        .getStatus().value()).isEqualTo(404);
  }
}
