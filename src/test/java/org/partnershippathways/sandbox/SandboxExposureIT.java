package org.partnershippathways.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

/** Issue 11 item 8: the partner sandbox listens on this machine only, and shows what it received only after login. */
class SandboxExposureIT {

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void listensOnTheLoopbackAddressUnlessToldOtherwise() {
    try (ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.replies=false")) {
      assertThat(address(sandbox)).isEqualTo(InetAddress.getLoopbackAddress());
    }
    try (ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.replies=false", "--server.address=0.0.0.0")) {
      assertThat(address(sandbox).isAnyLocalAddress()).isTrue();
    }
  }

  @Test
  void theListingNeedsTheSandboxLogin() throws Exception {
    try (ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.replies=false", "--pathways.sandbox.password=listing-secret")) {
      for (String path : new String[] {"/sandbox/", "/sandbox/api/received", "/sandbox"}) {
        assertThat(get(sandbox, path, null).statusCode()).as(path).isEqualTo(401);
        assertThat(get(sandbox, path, "sandbox:wrong").statusCode()).as(path).isEqualTo(401);
        assertThat(get(sandbox, path, "police-system:listing-secret").statusCode()).as(path).isEqualTo(401);
        HttpResponse<String> listing = get(sandbox, path, "sandbox:listing-secret");
        assertThat(listing.statusCode()).as(path).isEqualTo(200);
        assertThat(listing.headers().firstValue("Cache-Control")).hasValue("no-store");
      }
    }
  }

  @Test
  void theListingIsOffWithoutAPassword() throws Exception {
    try (ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.replies=false", "--pathways.sandbox.password=")) {
      assertThat(get(sandbox, "/sandbox/api/received", "sandbox:").statusCode()).isEqualTo(404);
      assertThat(get(sandbox, "/sandbox/", null).statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> get(ConfigurableApplicationContext sandbox, String path, String credentials)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + ((WebServerApplicationContext) sandbox).getWebServer().getPort() + path));
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static InetAddress address(ConfigurableApplicationContext sandbox) {
    TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) sandbox).getWebServer();
    return (InetAddress) server.getTomcat().getConnector().getProperty("address");
  }
}
