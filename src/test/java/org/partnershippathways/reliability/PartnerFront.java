package org.partnershippathways.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The address of one partner's system as the nodes know it: a WireMock proxy in front of the partner sandbox.
 * Taking the partner down stops it (connections are refused, as when the partner's system is off); bringing it back
 * starts a new proxy on the same port. The sandbox behind it keeps what it received.
 */
final class PartnerFront implements AutoCloseable {

  private final int port;
  private final String sandboxUrl;
  private WireMockServer proxy;

  PartnerFront(int port, String sandboxUrl) {
    this.port = port;
    this.sandboxUrl = sandboxUrl;
  }

  String url() {
    return "http://localhost:" + port;
  }

  synchronized void up() {
    proxy = new WireMockServer(options().port(port).disableRequestJournal().containerThreads(20));
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(sandboxUrl)));
    proxy.start();
  }

  synchronized void down() {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }

  @Override
  public void close() {
    down();
  }
}
