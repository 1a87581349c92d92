package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "11010519491231002X", // the example of GB 11643-1999
      "440524188001010014", // check digit 4
      "37133020150307001X", // demo county, born 2015-03-07
      "11010519491231002x"  // lower-case x is the same number
  })
  void acceptsNumbersWithTheRightCheckCharacter(String number) {
    assertThat(ResidentIdNumber.problem(number)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "110105194912310021, 校验码错误",
      "440524188001010015, 校验码错误",
      "11010519491231002, 应为18位",
      "1101051949123100211, 应为18位",
      "11010519491231002Y, 应为18位",
      "A10105194912310021, 应为18位",
      "010105194912310021, 应为18位",
      "990105194912310021, 前两位",
      "110105194902300021, 出生日期",
      "110105194913010021, 出生日期"
  })
  void refusesMalformedNumbersAndWrongCheckCharacters(String number, String why) {
    assertThat(ResidentIdNumber.problem(number)).hasValueSatisfying(p -> assertThat(p).contains(why));
  }

  @Test
  void refusesEmptyNumbers() {
    assertThat(ResidentIdNumber.problem(null)).isPresent();
    assertThat(ResidentIdNumber.problem("  ")).isPresent();
  }

  @Test
  void computesTheCheckCharacterOfGb11643() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @Test
  void readsBirthDateAndSex() {
    assertThat(ResidentIdNumber.birthDate("11010519491231002X"))
        .contains(LocalDate.of(1949, 12, 31));
    assertThat(ResidentIdNumber.sex("11010519491231002X")).isEqualTo(Sex.FEMALE);
    assertThat(ResidentIdNumber.sex("440524188001010014")).isEqualTo(Sex.MALE);
  }
}
