package org.partnershippathways.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mails through an SMTP server, with Spring Mail ({@code spring.mail.host}, {@code spring.mail.port}, ...). */
record SmtpNotifier(JavaMailSender sender, String from) implements Notifier {

  static final String REFERENCE_HEADER = "X-Pathways-Reference";

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
