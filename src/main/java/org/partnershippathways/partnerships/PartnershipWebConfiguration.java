package org.partnershippathways.partnerships;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class PartnershipWebConfiguration implements WebMvcConfigurer {

  private final PartnershipBoundary boundary;

  PartnershipWebConfiguration(PartnershipBoundary boundary) {
    this.boundary = boundary;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(boundary).addPathPatterns("/api/**");
  }
}
