package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.guardian.intervention.OrderKind;
import org.guardian.intervention.OrderStatus;
import org.guardian.registry.Category;
import org.guardian.registry.DifficultyKind;
import org.guardian.registry.EconomicStatus;
import org.guardian.registry.FileStatus;
import org.guardian.registry.GuardianshipCapacity;
import org.guardian.registry.Relationship;
import org.guardian.registry.RiskFlag;
import org.guardian.registry.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The table that maps Guardian's codes to the national system's code lists. */
class NationalCodesTest {

  static final NationalCodes CODES =
      new NationalCodes(new ClassPathResource("export/national-codes.csv"));

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("sex", names(Sex.values())),
        Arguments.of("relationship", names(Relationship.values())),
        Arguments.of("category", names(Category.values())),
        Arguments.of("risk-flag", names(RiskFlag.values())),
        Arguments.of("difficulty", names(DifficultyKind.values())),
        Arguments.of("economic-status", names(EconomicStatus.values())),
        Arguments.of("capacity", names(GuardianshipCapacity.values())),
        Arguments.of("file-status", names(FileStatus.values())),
        Arguments.of("order-kind", names(OrderKind.values())),
        Arguments.of("order-status", names(OrderStatus.values())),
        Arguments.of("risk-level", Dashboard.COLOURS));
  }

  static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void everyGuardianCodeHasExactlyOneNationalValueAndNoRowIsStale(String list,
      List<String> guardianCodes) {
    assertThat(CODES.list(list).keySet()).containsExactlyInAnyOrderElementsOf(guardianCodes);
    CODES.list(list).values().forEach(c -> assertThat(c.name()).isNotBlank()
        .matches(".*\\p{IsHan}.*"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
      "sex,          MALE,                   1,  男性",
      "sex,          FEMALE,                 2,  女性",
      "relationship, FATHER,                 51, 父亲",
      "relationship, MOTHER,                 52, 母亲",
      "relationship, GRANDPARENT,            60, 祖父母或外祖父母",
      "relationship, SIBLING,                70, 兄弟姐妹",
      "relationship, OTHER_RELATIVE,         97, 其他亲属",
      "relationship, OTHER,                  99, 非亲属",
      "category,     LEFT_BEHIND,            ,   农村留守儿童",
      "category,     DE_FACTO_UNSUPPORTED,   ,   事实无人抚养儿童",
      "order-kind,   LONG_TERM_GUARDIANSHIP, ,   民政部门长期监护",
      "order-kind,   SUPERVISION_ORDER,      ,   督促监护令",
      "risk-level,   red,                    ,   极危（红色）"})
  void standardCodesAreThoseOfTheNationalStandards(String list, String guardianCode,
      String nationalCode, String name) {
    NationalCodes.Coded coded = CODES.of(list, guardianCode);
    assertThat(coded.code()).isEqualTo(nationalCode);
    assertThat(coded.name()).isEqualTo(name);
  }

  @Test
  void anUnmappedCodeFailsTheExportAndADuplicateRowFailsTheTable() {
    assertThat(CODES.of("sex", null)).isNull();
    assertThatThrownBy(() -> CODES.of("sex", "UNKNOWN")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new NationalCodes(new ByteArrayResource(("list,guardian_code,"
        + "national_code,national_name,source\nsex,MALE,1,男性,x\nsex,MALE,2,女性,x\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
  }
}
