package org.partnershippathways.platform;

import java.util.Set;

/**
 * Fields of a process's forms that hold data about a person. The capability that owns the form reads them into its
 * own tables and removes the variables in the same transaction; {@link PersonalFieldsOutOfHistory} keeps them out
 * of the engine's history. A capability declares its forms' fields as a bean of this type.
 */
public interface PersonalFormFields {

  /** The key of the process whose variables these are. */
  String processKey();

  /** The variable (form field) names. */
  Set<String> names();
}
