package org.guardian.reporting;

/** The kind of organisation a reporter works for (强制报告责任主体). */
enum OrganisationType {
  SCHOOL("学校、幼儿园等教育机构"),
  HOSPITAL("医疗机构"),
  VILLAGE_COMMITTEE("村（居）民委员会"),
  POLICE("公安机关"),
  EMERGENCY_SERVICE("急救等应急服务机构"),
  HOTLINE("热线服务机构"),
  CHILD_PROTECTION("未成年人保护工作机构"),
  OTHER("其他单位");

  private final String label;

  OrganisationType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
