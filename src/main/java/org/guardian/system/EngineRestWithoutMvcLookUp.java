package org.guardian.system;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Requests to the engine REST API pass Spring Security's look-up of their Spring MVC handler.
 *
 * <p>With Spring MVC on the class path, Spring Security puts a filter of {@link
 * HandlerMappingIntrospector} in front of its filter chain that finds every request's Spring MVC
 * handler in advance and keeps it on the request, for request matchers and CORS settings that
 * ask for it. Guardian's matchers are path patterns and it has no CORS settings, so nothing asks;
 * and the engine REST API is Jersey's, with no Spring MVC handler to find. The look-up went through
 * every handler mapping of the application for each of the ~30 engine REST requests of a case:
 * 3.8 % of the node's CPU in {@code bench/run} (docs/benchmarks.md, item 32). This wraps that
 * filter so that requests under {@code /engine-rest/} skip it; every other request is served as
 * before (and should anything ask for a handler of an engine REST request, Spring looks it up
 * then).
 */
final class EngineRestWithoutMvcLookUp implements BeanPostProcessor {

  static final String ENGINE_REST = "/engine-rest/";

  private volatile Skipping wrapped;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof Filter filter && isIntrospectorsCacheFilter(filter)) {
      Skipping skipping = new Skipping(filter);
      wrapped = skipping;
      return skipping;
    }
    return bean;
  }

  /** Spring's cache filter: a lambda of {@link HandlerMappingIntrospector#createCacheFilter}. */
  static boolean isIntrospectorsCacheFilter(Filter filter) {
    return filter.getClass().getName()
        .startsWith(HandlerMappingIntrospector.class.getName() + "$$Lambda");
  }

  /** The wrapper in the filter chain (null if Spring's filter was not found). */
  Skipping wrapped() {
    return wrapped;
  }

  /** Spring's filter, skipped for the engine REST API. */
  static final class Skipping implements Filter {
    private final Filter delegate;
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();

    Skipping(Filter delegate) {
      this.delegate = delegate;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http && http.getRequestURI()
          .startsWith(http.getContextPath() + ENGINE_REST)) {
        skipped.incrementAndGet();
        chain.doFilter(request, response);
      } else {
        passed.incrementAndGet();
        delegate.doFilter(request, response, chain);
      }
    }

    int skipped() {
      return skipped.get();
    }

    int passed() {
      return passed.get();
    }
  }
}
