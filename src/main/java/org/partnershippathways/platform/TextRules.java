package org.partnershippathways.platform;

import java.util.Optional;
import java.util.Set;

/**
 * What a text field of a request may hold: something a person can see, and no control characters (line breaks
 * and tabs only where the field is free text). Names made of zero-width spaces or fillers are not names, and a
 * NUL character is refused here, not by the database.
 */
public final class TextRules {

  /** Characters that show nothing although Unicode does not class them as spaces or formatting. */
  private static final Set<Integer> BLANK_LOOKING = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x180E,
      0x17B4, 0x17B5);

  private TextRules() {
  }

  /** What is wrong with a non-empty line of text (a name, a reference), if anything. */
  public static Optional<String> problemOfLine(String value) {
    return problemOf(value, false);
  }

  /** What is wrong with non-empty free text (a description, an address), if anything. */
  public static Optional<String> problemOfText(String value) {
    return problemOf(value, true);
  }

  /**
   * What is wrong with a required line of text (a name, a reference), if anything: missing ({@code whenMissing}, e.g.
   * "is required: who replied"), longer than {@code max} characters, or not a line of text.
   */
  public static Optional<FieldProblem> requiredLine(String field, String value, int max, String whenMissing) {
    return required(field, value, max, whenMissing, false);
  }

  /** What is wrong with required free text (a summary, a reason), if anything; as {@link #requiredLine}. */
  public static Optional<FieldProblem> requiredText(String field, String value, int max, String whenMissing) {
    return required(field, value, max, whenMissing, true);
  }

  private static Optional<FieldProblem> required(String field, String value, int max, String whenMissing,
      boolean multiline) {
    if (value == null || value.isBlank()) {
      return Optional.of(new FieldProblem(field, whenMissing));
    }
    if (value.length() > max) {
      return Optional.of(new FieldProblem(field, "is longer than " + max + " characters"));
    }
    return problemOf(value, multiline).map(problem -> new FieldProblem(field, problem));
  }

  private static Optional<String> problemOf(String value, boolean multiline) {
    boolean visible = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return Optional.of("is not valid text (it holds half of a character)");
        }
      }
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return Optional.of(multiline ? "must not contain control characters (line breaks and tabs are fine)"
            : "must not contain control characters such as line breaks or tabs");
      }
      visible |= isVisible(c);
    }
    return visible ? Optional.empty() : Optional.of("holds only invisible characters");
  }

  private static boolean isVisible(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || BLANK_LOOKING.contains(c)) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.PRIVATE_USE, Character.SURROGATE -> false;
      default -> true;
    };
  }
}
