package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The engine REST API's authentication filter finds Guardian's engine without a class-path search. */
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
}
