package org.partnershippathways.testsupport;

/** The partnerships of the tests: the application's default first partnership, and a second one. */
public final class TestPartnerships {

  /** The first configured partnership (application.yaml's default), which the tests' users belong to. */
  public static final String FIRST = "our-partnership";

  /** Another partnership on the same deployment, whose cases the first's users must never see. */
  public static final String SECOND = "second-partnership";

  private TestPartnerships() {
  }
}
