package org.guardian.emergency;

import java.util.Arrays;
import java.util.Optional;

/**
 * The situations in which civil affairs take a minor into temporary guardianship (Minor Protection
 * Law of the PRC, 2020 revision, art. 92).
 */
enum StatutoryGround {
  ART92_1("art92-1", "流浪乞讨或者身份不明，暂时查找不到父母或者其他监护人"),
  ART92_2("art92-2", "监护人下落不明且无其他人可以担任监护人"),
  ART92_3("art92-3", "监护人因自身客观原因或者因发生自然灾害、事故灾难、公共卫生事件等突发事件不能履行监护职责，导致未成年人监护缺失"),
  ART92_4("art92-4", "监护人拒绝或者怠于履行监护职责，导致未成年人处于无人照料的状态"),
  ART92_5("art92-5", "监护人教唆、利用未成年人实施违法犯罪行为，未成年人需要被带离安置"),
  ART92_6("art92-6", "未成年人遭受监护人严重伤害或者面临人身安全威胁，需要被紧急安置"),
  ART92_7("art92-7", "法律规定的其他情形");

  private final String formValue;
  private final String text;

  StatutoryGround(String formValue, String text) {
    this.formValue = formValue;
    this.text = text;
  }

  String formValue() {
    return formValue;
  }

  String text() {
    return text;
  }

  static Optional<StatutoryGround> ofFormValue(Object value) {
    return Arrays.stream(values()).filter(g -> g.formValue.equals(value)).findFirst();
  }
}
