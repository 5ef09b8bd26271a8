package org.partnershippathways.intake;

/** The NHS number check: 10 digits, the last a modulus-11 check digit over the first nine (weights 10 to 2). */
public final class NhsNumber {

  private NhsNumber() {
  }

  /** The number without the spaces people write in it ("943 476 5919"). */
  public static String normalise(String nhsNumber) {
    return nhsNumber == null ? null : nhsNumber.replace(" ", "").replace("-", "");
  }

  public static boolean isValid(String nhsNumber) {
    String digits = normalise(nhsNumber);
    if (digits == null || !digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
