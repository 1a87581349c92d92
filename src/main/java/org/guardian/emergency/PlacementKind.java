package org.guardian.emergency;

import java.util.Arrays;
import java.util.Optional;

/** Where a child in an emergency stays. */
enum PlacementKind {
  RELATIVES(EmergencyResponse.Var.RELATIVES, "亲属照料"),
  ENTRUSTED_CAREGIVER(EmergencyResponse.Var.ENTRUSTED_CAREGIVER, "委托照护人照料"),
  /** 临时监护 by the county minor rescue and protection centre. */
  TEMPORARY_GUARDIANSHIP(EmergencyResponse.Var.TEMPORARY_GUARDIANSHIP, "临时监护");

  private final String formValue;
  private final String label;

  PlacementKind(String formValue, String label) {
    this.formValue = formValue;
    this.label = label;
  }

  String formValue() {
    return formValue;
  }

  String label() {
    return label;
  }

  static Optional<PlacementKind> ofFormValue(Object value) {
    return Arrays.stream(values()).filter(k -> k.formValue.equals(value)).findFirst();
  }
}
