package org.partnershippathways.accesslog;

/**
 * What a read of a case showed, as a short code (stored, stable) and in words (stored with it, shown to managers).
 * A list read ({@link #list}) shows a part of many cases at once; the unusual-access report counts cases opened one
 * by one, not the rows of a list.
 */
public enum WhatWasRead {
  TASK_FACTS("the person and the concerns, shown with a task", false),
  TASK_CASE_SUMMARY("the case reference and risk rating, shown with a task", false),
  CASE_ACTIONS("the case's actions", false),
  ACTIONS_LIST("the case's actions, in a list of actions", true),
  PARTNER_REPLIES("partners' replies", false),
  CONSENT_WITHDRAWALS("withdrawals of consent", false),
  CASE_DISCLOSURES("the case's disclosure audit", false),
  DISCLOSURES_LIST("the case's disclosures, in the disclosure audit", true),
  SUBJECT_ACCESS_EXPORT("everything held about the person (a subject access export)", false),
  SUBJECT_ACCESS_EXPORT_AGAIN("a subject access export, read again", false),
  SUBJECT_ACCESS_PRINTABLE("a subject access export's printable page", false),
  CASE_RECORD("the case record (the case view)", false),
  CASE_CHRONOLOGY("the case's chronology", false),
  CASE_SEARCH_RESULT("the case, in search results", true),
  TASK_FORM_VARIABLES("the case's variables, in a task's form", false),
  TASK_VARIABLES("a task's variables", false),
  CASE_VARIABLES("the case's variables", false),
  VARIABLE_HISTORY("the history of the case's variables", false);

  private final String words;
  private final boolean list;

  WhatWasRead(String words, boolean list) {
    this.words = words;
    this.list = list;
  }

  public String words() {
    return words;
  }

  boolean list() {
    return list;
  }
}
