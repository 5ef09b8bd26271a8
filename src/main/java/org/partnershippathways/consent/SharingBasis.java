package org.partnershippathways.consent;

/** Why sharing is allowed: the person's consent, or a lawful basis to share without it. */
public enum SharingBasis {
  CONSENT,
  LAWFUL_BASIS
}
