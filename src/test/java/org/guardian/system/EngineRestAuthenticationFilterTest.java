package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine REST API's authentication filter finds Guardian's engine without a class-path search,
 * and the REST resources' look-ups of the engine provider search the class path once.
 */
class EngineRestAuthenticationFilterTest {

  /** Counts the service look-ups that go through it (ServiceLoader asks the context loader). */
  static final class CountingLoader extends ClassLoader {
    final AtomicInteger serviceLookups = new AtomicInteger();

    CountingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.startsWith("META-INF/services/")) {
        serviceLookups.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  interface Lookup {
    ProcessEngine engine(String name);
  }

  static int serviceLookups(Lookup lookup, String name) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    CountingLoader counting = new CountingLoader(before);
    thread.setContextClassLoader(counting);
    try {
      lookup.engine(name);
    } catch (RuntimeException e) {
      // Camunda's look-up without an engine behind its provider: only the search counts here
    } finally {
      thread.setContextClassLoader(before);
    }
    return counting.serviceLookups.get();
  }

  @Test
  void guardiansEngineIsHandedOverAndAnyOtherNameGoesToCamundasLookUp() {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    EngineRestAuthenticationFilter filter = new EngineRestAuthenticationFilter(
        new StaticListableBeanFactory(Map.of("processEngine", engine))
            .getBeanProvider(ProcessEngine.class));

    assertThat(filter.getAddressedEngine("default")).isSameAs(engine);
    assertThat(serviceLookups(filter::getAddressedEngine, "default")).isZero();
    assertThat(serviceLookups(filter::getAddressedEngine, "another")).isPositive();
    // what the filter saves: Camunda's own filter searches the class path for each request
    assertThat(serviceLookups(new ProcessEngineAuthenticationFilter() {
      ProcessEngine lookUp(String name) {
        return getAddressedEngine(name);
      }
    }::lookUp, "default")).isPositive();
  }

  @Test
  @SuppressWarnings("unchecked")
  void guardiansEngineIsTakenFromTheContextOnce() {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    ObjectProvider<ProcessEngine> engines = mock(ObjectProvider.class);
    when(engines.getIfAvailable()).thenReturn(engine);
    EngineRestAuthenticationFilter filter = new EngineRestAuthenticationFilter(engines);

    for (int i = 0; i < 3; i++) {
      assertThat(filter.getAddressedEngine("default")).isSameAs(engine);
    }
    verify(engines, times(1)).getIfAvailable();
  }

  /** What ServiceLoader finds as the engine's provider, looked up with {@code loader}. */
  static Class<?> provider(ClassLoader loader) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return ServiceLoader.load(ProcessEngineProvider.class).iterator().next().getClass();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void theEngineProviderIsSearchedForOnceAndFoundAsBefore() throws Exception {
    ClassLoader app = Thread.currentThread().getContextClassLoader();
    Class<?> asBefore = provider(app);
    CountingLoader counting = new CountingLoader(app);
    for (int i = 0; i < 5; i++) {
      provider(counting);
    }
    assertThat(counting.serviceLookups.get()).as("every look-up searches the class path").isEqualTo(5);

    CountingLoader wrapped = new CountingLoader(app);
    EngineRestAuthenticationFilter.KnownProviders known =
        new EngineRestAuthenticationFilter.KnownProviders(wrapped);
    for (int i = 0; i < 5; i++) {
      assertThat(provider(known)).isSameAs(asBefore);
    }
    assertThat(wrapped.serviceLookups.get()).isEqualTo(1);
    assertThat(known.searches()).isEqualTo(1);
    assertThat(known.answers()).isEqualTo(5);
    // everything else comes from the wrapped loader, as it would without the wrapper
    known.getResources("META-INF/services/" + ProcessEngine.class.getName());
    known.getResources("META-INF/services/" + ProcessEngine.class.getName());
    assertThat(wrapped.serviceLookups.get()).isEqualTo(3);
    assertThat(known.loadClass(EngineAtScale.class.getName())).isSameAs(EngineAtScale.class);
    String file = EngineAtScale.class.getName().replace('.', '/') + ".class";
    assertThat(known.getResource(file)).isNotNull().isEqualTo(app.getResource(file));
  }

  @Test
  void aRequestRunsWithTheWrapperAndTheThreadsLoaderIsPutBackAfter() throws Exception {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    EngineRestAuthenticationFilter filter = new EngineRestAuthenticationFilter(
        new StaticListableBeanFactory(Map.of("processEngine", engine))
            .getBeanProvider(ProcessEngine.class));
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    EngineRestAuthenticationFilter.KnownProviders known = filter.knownProvidersOf(before);
    assertThat(filter.knownProvidersOf(before)).as("one wrapper for the requests' loader")
        .isSameAs(known);
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/engine");
    request.setServletPath("/engine-rest");
    request.setPathInfo("/engine");
    filter.doFilter(request, new MockHttpServletResponse(),
        (req, res) -> during.set(Thread.currentThread().getContextClassLoader()));
    assertThat(during.get()).isSameAs(known);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }
}
