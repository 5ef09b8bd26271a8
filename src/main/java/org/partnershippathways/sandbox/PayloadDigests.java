package org.partnershippathways.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.partnershippathways.partners.PartnerAdapter;
import org.partnershippathways.partners.PayloadDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every pretend partner acknowledges a request it accepted with the SHA-256 of the body exactly as it received it
 * ({@code Payload-Digest}), as real partners are asked to: the application stores it next to the digest in its
 * disclosure ledger, so both sides can show what was sent.
 */
@Component
class PayloadDigests extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingRequestWrapper received = new ContentCachingRequestWrapper(request);
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(received, answer);
    if (answer.getStatus() < 300) {
      answer.setHeader(PartnerAdapter.PAYLOAD_DIGEST_HEADER, PayloadDigest.of(received.getContentAsByteArray()));
    }
    answer.copyBodyToResponse();
  }
}
