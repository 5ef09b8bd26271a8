package org.partnershippathways.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of our API ({@code pathways.api.*}): the largest request body accepted (larger ones answer 413), and how
 * much of a request an error answer repeats.
 *
 * @param maxBodySize the largest body of any request to {@code /api/}
 * @param maxModelBodySize the largest body of a request to {@code /api/process-models/}, which carries a whole
 *     changed model (the pathway's BPMN file is over 64 KB)
 */
@ConfigurationProperties("pathways.api")
public record ApiLimits(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("1MB") DataSize maxModelBodySize) {

  static final String MODELS = "/api/process-models/";

  /** The limit for a request to this path (without the context path). */
  long bytesFor(String path) {
    return path.startsWith(MODELS) ? maxModelBodySize.toBytes() : maxBodySize.toBytes();
  }
}
