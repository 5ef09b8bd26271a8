package org.partnershippathways.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of our API ({@code pathways.api.*}): the largest request body accepted (larger ones answer 413), and how
 * much of a request an error answer repeats.
 */
@ConfigurationProperties("pathways.api")
public record ApiLimits(@DefaultValue("64KB") DataSize maxBodySize) {
}
