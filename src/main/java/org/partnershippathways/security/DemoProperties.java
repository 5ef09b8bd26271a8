package org.partnershippathways.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo mode: demo users for every agency (and demo cases); the password is taken or generated at start. */
@ConfigurationProperties("pathways.demo")
public record DemoProperties(boolean enabled, String password) {
}
