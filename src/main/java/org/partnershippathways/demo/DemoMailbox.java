package org.partnershippathways.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The demo's mail server: GreenMail's SMTP server on {@code pathways.demo.mailbox.smtp-port} (2525), listening on
 * the loopback address only, which keeps what the application sends in memory for the page {@code /demo/mailbox}
 * ({@link MailboxPage}). Demo mode only ({@code pathways.demo.mailbox.enabled}, set by the demo profile).
 */
class DemoMailbox implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailbox.class);

  /** One e-mail as the page shows it. */
  record ReceivedMail(String to, String subject, String body, Instant sentAt) {
  }

  private final GreenMail server;

  DemoMailbox(int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    LOG.info("Demo mail server on 127.0.0.1:{}: what the application e-mails is listed at /demo/mailbox", port);
  }

  /** The e-mails sent to {@code address}, newest first. */
  List<ReceivedMail> addressedTo(String address) {
    return Arrays.stream(server.getReceivedMessages()).map(DemoMailbox::read)
        .filter(mail -> mail.to().equalsIgnoreCase(address))
        .sorted(Comparator.comparing(ReceivedMail::sentAt).reversed())
        .toList();
  }

  private static ReceivedMail read(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      Date sent = message.getSentDate();
      return new ReceivedMail(to == null || to.length == 0 ? "" : to[0].toString().toLowerCase(Locale.ROOT),
          message.getSubject(), String.valueOf(message.getContent()).strip(),
          sent == null ? Instant.EPOCH : sent.toInstant());
    } catch (MessagingException | IOException e) {
      return new ReceivedMail("", "(could not be read: " + e.getMessage() + ")", "", Instant.EPOCH);
    }
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
