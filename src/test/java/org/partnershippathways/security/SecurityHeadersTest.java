package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersTest {

  @Test
  void aSecureRequestGetsHsts() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.setSecure(true);
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders().doFilter(request, response, new MockFilterChain());
    assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
  }

  @Test
  void aPlainRequestGetsNoHsts() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders().doFilter(new MockHttpServletRequest("GET", "/api/cases"), response, new MockFilterChain());
    assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void laterFiltersCannotWeakenNoStore() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders().doFilter(new MockHttpServletRequest("GET", "/camunda/api/engine/engine/"), response,
        (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Cache-Control", "no-cache"));
    assertThat(response.getHeaders("Cache-Control")).containsExactly("no-store");
  }

  @Test
  void staticWebappFilesMayBeCached() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders().doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/scripts/x.js"), response,
        new MockFilterChain());
    assertThat(response.getHeader("Cache-Control")).isNull();
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void webappPagesAreNeverStoredForTheirScriptNonceIsFreshEachTime() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders().doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/default/"), response,
        new MockFilterChain());
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
  }
}
