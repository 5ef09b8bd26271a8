package org.partnershippathways.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.calendar.UkDates;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /demo/mailbox}: the demo's e-mails to the signed-in user (HTTP Basic, a demo user and the demo
 * password), newest first. Everyone sees only the e-mails addressed to them, as in their own mail program.
 */
class MailboxPage extends HttpServlet {

  private final transient DemoMailbox mailbox;
  private final transient IdentityService identity;
  private final ZoneId zone;

  MailboxPage(DemoMailbox mailbox, IdentityService identity, ZoneId zone) {
    this.mailbox = mailbox;
    this.identity = identity;
    this.zone = zone;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    User user = signedIn(request.getHeader("Authorization"));
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"demo mailbox\", charset=\"UTF-8\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Sign in with your demo user name and the demo password to see your e-mails.");
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(page(user, mailbox.addressedTo(user.getEmail() == null ? "" : user.getEmail())));
  }

  private User signedIn(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String[] credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8).split(":", 2);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    if (credentials.length != 2 || !identity.checkPassword(credentials[0], credentials[1])) {
      return null;
    }
    return identity.createUserQuery().userId(credentials[0]).singleResult();
  }

  private String page(User user, List<DemoMailbox.ReceivedMail> mails) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        + "<title>Your e-mails: demo mailbox</title><style>body{font-family:Arial,sans-serif;margin:2rem;"
        + "max-width:60rem;color:#0b0c0c}article{border:1px solid #b1b4b6;padding:1rem;margin:1rem 0}"
        + "h2{font-size:1.1rem;margin:0 0 .5rem}p.meta{color:#505a5f;margin:0 0 .5rem}pre{white-space:pre-wrap;"
        + "font-family:inherit;margin:0}</style></head><body><main>");
    html.append("<h1>Your e-mails</h1><p>What Partnership Pathways e-mailed to <strong>")
        .append(escape(user.getEmail())).append("</strong> (").append(escape(user.getId()))
        .append("). This is the demo's own mail server: nothing leaves this computer.</p>");
    if (mails.isEmpty()) {
      html.append("<p>No e-mails yet.</p>");
    }
    html.append("<p>").append(mails.size()).append(mails.size() == 1 ? " e-mail" : " e-mails")
        .append(", newest first.</p>");
    for (DemoMailbox.ReceivedMail mail : mails) {
      html.append("<article><h2>").append(escape(mail.subject())).append("</h2><p class=\"meta\">Sent ")
          .append(UkDates.dayAndTime(mail.sentAt(), zone)).append(" to ").append(escape(mail.to()))
          .append("</p><pre>").append(escape(mail.body())).append("</pre></article>");
    }
    return html.append("</main></body></html>").toString();
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
