package org.openvmi.supplier;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.notification.NotificationProperties;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.RequestValidation;
import org.openvmi.supplier.internal.InvitationRepository;
import org.openvmi.supplier.model.InvitationTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier onboarding: a buyer or admin invites a supplier user by e-mail. The user is created disabled with a random
 * password; the mail carries a one-time link (token stored only as its SHA-256, valid for
 * {@code openvmi.supplier-invitations.valid-for}) where the user sets its password, which enables it.
 * <p>
 * The mail is sent directly with {@link JavaMailSender} inside the transaction: if it cannot be sent, nothing is
 * created and the inviter is told (the notification outbox on main queues alert mails only and has no public API
 * for other mails yet).
 */
@Service
public class SupplierInvitations {

    private static final int MIN_PASSWORD = 8;

    private final InvitationRepository invitations;
    private final UserDirectory users;
    private final CatalogRefs refs;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties notifications;
    private final InvitationProperties properties;
    private final MessageSource messages;
    private final Validator validator;
    private final Clock clock;

    SupplierInvitations(
            InvitationRepository invitations,
            UserDirectory users,
            CatalogRefs refs,
            ObjectProvider<JavaMailSender> mail,
            NotificationProperties notifications,
            InvitationProperties properties,
            MessageSource messages,
            Validator validator,
            Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.refs = refs;
        this.mail = mail;
        this.notifications = notifications;
        this.properties = properties;
        this.messages = messages;
        this.validator = validator;
        this.clock = clock;
    }

    /** @param baseUrl the UI's address for the link when {@code openvmi.notifications.base-url} is not set */
    @Transactional
    public InvitationView invite(InvitationCommand c, String baseUrl) {
        RequestValidation.validated(validator, c);
        Long supplierId = refs.suppliers(List.of(c.getSupplier())).get(c.getSupplier());
        if (supplierId == null) {
            throw new NotFoundException("Supplier", c.getSupplier());
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new BusinessRuleException(
                    "email",
                    CodedRefusal.of(
                            "mailNotConfigured",
                            "E-mail is not configured (spring.mail.host), so no invitation can be sent"));
        }
        UserCommand user = new UserCommand();
        user.setUsername(c.getUsername());
        user.setDisplayName(
                c.getDisplayName() == null || c.getDisplayName().isBlank() ? c.getUsername() : c.getDisplayName());
        user.setPassword(InvitationTokens.newToken()); // never told to anybody: the user sets its own
        user.setRoles(Set.of(Role.SUPPLIER));
        user.setSupplier(c.getSupplier());
        user.setEmail(c.getEmail());
        user.setLanguage(c.getLanguage());
        user.setEnabled(false);
        users.create(user);
        users.update(c.getUsername(), disabled(c.getUsername()));

        Instant now = clock.instant();
        String token = InvitationTokens.newToken();
        Instant expires = now.plus(properties.validFor());
        long id = invitations.insert(
                c.getUsername(),
                supplierId,
                c.getEmail(),
                InvitationTokens.hash(token),
                expires,
                now,
                SupplierStocks.currentUser());
        send(sender, c, link(baseUrl, token), expires);
        return invitations.find(id, now).orElseThrow();
    }

    /** The create of a user enables it; an invited user stays disabled until it has set its password. */
    private UserCommand disabled(String username) {
        UserCommand c = UserCommand.from(users.get(username));
        c.setEnabled(false);
        return c;
    }

    @Transactional(readOnly = true)
    public List<InvitationView> recent() {
        return invitations.recent(100, clock.instant());
    }

    /** The username a link is for, or a refusal (404 unknown, 422 used or expired). */
    @Transactional(readOnly = true)
    public String usernameFor(String token) {
        InvitationRepository.Pending p = invitations
                .findByToken(InvitationTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation", "link"));
        refuseIfUnusable(p);
        return p.username();
    }

    /** Sets the invited user's password and enables it; the link cannot be used again. */
    @Transactional
    public String accept(String token, String password, String confirmation) {
        InvitationRepository.Pending p = invitations
                .lockByToken(InvitationTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation", "link"));
        refuseIfUnusable(p);
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 100) {
            throw InvalidInputException.of("password", "must be 8 to 100 characters");
        }
        if (!password.equals(confirmation)) {
            throw InvalidInputException.of("confirmation", "does not match the password");
        }
        UserCommand c = UserCommand.from(users.get(p.username()));
        c.setPassword(password);
        c.setEnabled(true);
        users.update(p.username(), c);
        if (!invitations.accept(p.id(), clock.instant())) {
            throw new BusinessRuleException("token", "This invitation link has already been used");
        }
        return p.username();
    }

    private void refuseIfUnusable(InvitationRepository.Pending p) {
        InvitationTokens.Refusal refusal = InvitationTokens.check(p.expiresAt(), p.acceptedAt(), clock.instant());
        if (refusal == InvitationTokens.Refusal.USED) {
            throw new BusinessRuleException("token", "This invitation link has already been used");
        }
        if (refusal == InvitationTokens.Refusal.EXPIRED) {
            throw new BusinessRuleException("token", "This invitation link has expired; ask for a new invitation");
        }
    }

    private String link(String baseUrl, String token) {
        String base = notifications.baseUrl() == null || notifications.baseUrl().isBlank()
                ? baseUrl
                : notifications.baseUrl();
        return (base == null ? "" : base.replaceAll("/+$", "")) + "/invitations/" + token;
    }

    private void send(JavaMailSender sender, InvitationCommand c, String link, Instant expires) {
        Locale locale = Locale.forLanguageTag(c.getLanguage());
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.systemDefault())
                .format(expires);
        String subject = messages.getMessage("supplier.invite.mail.subject", null, locale);
        String body = messages.getMessage(
                "supplier.invite.mail.body", new Object[] {c.getSupplier(), c.getUsername(), link, until}, locale);
        try {
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(notifications.mailFrom());
                helper.setTo(c.getEmail());
                helper.setSubject(subject);
                helper.setText(body, false);
            });
        } catch (MailException e) {
            throw new BusinessRuleException(
                    "email",
                    CodedRefusal.of(
                            "mailFailed",
                            "The invitation mail could not be sent (" + e.getMessage()
                                    + "); nothing was created, try again later"));
        }
    }
}
