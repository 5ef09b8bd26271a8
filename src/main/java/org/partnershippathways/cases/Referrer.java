package org.partnershippathways.cases;

/** Who raised a concern; {@code agency} is an agency group id such as {@code police}, or another organisation. */
public record Referrer(String name, String agency, String contact) {
}
