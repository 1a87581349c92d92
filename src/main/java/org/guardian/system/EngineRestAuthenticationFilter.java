package org.guardian.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Camunda's authentication filter of the engine REST API, with Guardian's engine handed to it and
 * the engine's provider found once rather than on every look-up.
 *
 * <p>Camunda finds the engine a request addresses through {@code EngineUtil}, which loads the
 * {@code ProcessEngineProvider} service anew each time: a search of every jar of the class path
 * for {@code META-INF/services/…} (Guardian has about 250). The filter did it once per request
 * (2.4 % of the node's CPU in {@code bench/run}, docs/benchmarks.md, item 28): a request for
 * Guardian's engine now gets it from the application context, a request for any other name still
 * goes to Camunda's look-up (and its 404). The REST resources do it again, several times per
 * request (3.9 % of the node's CPU, item 31); for them the request runs with {@link
 * KnownProviders} as its context class loader, which answers the search for the provider's
 * service file from the first answer and passes everything else to the loader it wraps.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final ObjectProvider<ProcessEngine> engines;
  /** Guardian's engine, once the context has it (asking the provider searched the bean factory). */
  private volatile ProcessEngine engine;
  private volatile KnownProviders knownProviders;

  EngineRestAuthenticationFilter(ObjectProvider<ProcessEngine> engines) {
    this.engines = engines;
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    ProcessEngine guardian = engine;
    if (guardian == null) {
      guardian = engines.getIfAvailable();
      engine = guardian;
    }
    return guardian != null && guardian.getName().equals(engineName) ? guardian
        : super.getAddressedEngine(engineName);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    if (before == null) {
      super.doFilter(request, response, chain);
      return;
    }
    thread.setContextClassLoader(knownProvidersOf(before));
    try {
      super.doFilter(request, response, chain);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** The wrapper in use (null before the first request). */
  KnownProviders knownProviders() {
    return knownProviders;
  }

  /** The wrapper of the requests' context class loader (one: Tomcat's, for every request). */
  KnownProviders knownProvidersOf(ClassLoader loader) {
    KnownProviders known = knownProviders;
    if (known == null || known.getParent() != loader) {
      known = new KnownProviders(loader);
      knownProviders = known;
    }
    return known;
  }

  /**
   * A class loader that defines nothing: classes and resources come from the loader it wraps, and
   * the search for the engine provider's service file is made once and its answer kept (the class
   * path does not change while Guardian runs).
   */
  static final class KnownProviders extends ClassLoader {
    static final String SERVICE_FILE = "META-INF/services/" + ProcessEngineProvider.class.getName();

    private volatile List<URL> found;
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();

    KnownProviders(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!SERVICE_FILE.equals(name)) {
        return super.getResources(name);
      }
      List<URL> urls = found;
      if (urls == null) {
        searches.incrementAndGet();
        urls = List.copyOf(Collections.list(super.getResources(name)));
        found = urls;
      }
      answers.incrementAndGet();
      return Collections.enumeration(urls);
    }

    /** Searches of the wrapped loader for the service file, and answers given. */
    int searches() {
      return searches.get();
    }

    int answers() {
      return answers.get();
    }
  }
}
