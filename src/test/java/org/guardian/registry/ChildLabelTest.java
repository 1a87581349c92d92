package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChildLabelTest {

  @ParameterizedTest
  @CsvSource({"王子轩, 王*轩", "欧阳明月, 欧**月", "李明, 李*", "张, 张", "'', *"})
  void masksAllButTheFirstAndLastCharacter(String name, String masked) {
    assertThat(ChildLabel.mask(name)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"王子轩, 8, 东庄村, 王*轩 8岁 东庄村", "李明, 12, '', 李* 12岁"})
  void labelsShowTheMaskedNameAgeAndVillage(String name, int age, String village, String label) {
    assertThat(ChildLabel.of(name, age, village)).isEqualTo(label);
  }
}
