package org.partnershippathways.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mails through an SMTP server, with Spring Mail ({@code spring.mail.host}, {@code spring.mail.port}, ...). */
class SmtpNotifier implements Notifier {

  static final String REFERENCE_HEADER = "X-Pathways-Reference";

  private final JavaMailSender sender;
  private final String from;

  SmtpNotifier(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(OutgoingMail mail) throws Exception {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    message.setHeader(REFERENCE_HEADER, mail.reference());
    sender.send(message);
  }

  @Override
  public String channel() {
    return "smtp";
  }
}
