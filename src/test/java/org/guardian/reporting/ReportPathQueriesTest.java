package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.jpa.repository.Query;

/**
 * The look-ups that every report makes (the child's file by identity number, the report by its
 * number, the child's open case, a case by its number) are JPQL queries: Hibernate keeps the
 * translation of a query string, while a derived query is a criteria query translated to SQL anew
 * at each call (measured 87-103 µs against 22-32 µs a call, docs/benchmarks.md item 57). What they
 * find is covered by the intake's tests ({@link ReportApiTest}, {@link CaseChainScenarioTest}).
 */
class ReportPathQueriesTest {

  @ParameterizedTest
  @CsvSource({
      "org.guardian.registry.ChildRepository, findByIdNumber, java.lang.String",
      "org.guardian.reporting.ReportRepository, findByNumber, java.lang.String",
      "org.guardian.reporting.CaseRepository, findByOpenChildId, long",
      "org.guardian.reporting.CaseRepository, findByNumber, java.lang.String"})
  void isAJpqlQuery(String repository, String method, String parameter) throws Exception {
    Class<?> type = switch (parameter) {
      case "long" -> long.class;
      default -> Class.forName(parameter);
    };
    Method m = Class.forName(repository).getMethod(method, type);
    Query query = m.getAnnotation(Query.class);
    assertThat(query).as("%s.%s is derived from its name", repository, method).isNotNull();
    assertThat(query.nativeQuery()).isFalse();
    assertThat(query.value()).startsWith("select ");
  }
}
