package org.partnershippathways.partners.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks the sandbox's beans: they exist only in the sandbox's own application context, never in the pathway
 * application, whose component scan also walks this package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = PartnerSandboxApplication.CONTEXT_MARKER, havingValue = "true")
@interface SandboxOnly {
}
