package org.guardian.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-digit citizen identity number of GB 11643-1999: a 6-digit region code, the birth date as
 * YYYYMMDD, a 3-digit sequence whose last digit is odd for males and even for females, and an ISO
 * 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumber {

  private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{16}[0-9X]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private ResidentIdNumber() {}

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Why the number is not valid, or empty when it is. Lower-case x is accepted as X. */
  public static Optional<String> problem(String number) {
    if (number == null || number.isBlank()) {
      return Optional.of("不能为空");
    }
    String n = normalise(number);
    if (!SHAPE.matcher(n).matches()) {
      return Optional.of("应为18位：17位数字加1位校验码（数字或X）");
    }
    int province = Integer.parseInt(n.substring(0, 2));
    if (province < 11 || province > 82) {
      return Optional.of("前两位不是有效的省级行政区划代码");
    }
    if (birthDate(n).isEmpty()) {
      return Optional.of("第7至14位不是有效的出生日期");
    }
    if (checkCharacter(n) != n.charAt(17)) {
      return Optional.of("校验码错误");
    }
    return Optional.empty();
  }

  public static String normalise(String number) {
    return number == null ? null : number.trim().toUpperCase();
  }

  /** The birth date encoded in digits 7 to 14, if it is a real date. */
  public static Optional<LocalDate> birthDate(String number) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
          Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** The sex encoded in digit 17 (odd: male). */
  public static Sex sex(String number) {
    return (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }
}
