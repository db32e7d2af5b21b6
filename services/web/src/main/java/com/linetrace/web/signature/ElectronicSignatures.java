package com.linetrace.web.signature;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.ElectronicSignature;
import com.linetrace.contracts.action.ElectronicSignatureRefused;
import com.linetrace.contracts.action.ElectronicSignatureRefused.Refusal;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.identity.api.Signatures;
import com.linetrace.web.ClientOrigin;
import com.linetrace.web.ServiceClients;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Electronic signatures on a service's decisions (DD018), the same for every service that takes signed decisions.
 * {@link #sign} checks, before the decision is taken, that the caller may sign it and that the password they re-entered
 * is theirs (identity's check); a refusal is an audit entry of its own, committed whatever becomes of the request.
 * {@link Signature#record} writes the signed record in the decision's own transaction, so a decision taken is signed
 * and a signature is of a decision taken. Both go to the owning service's outbox ({@code ledger}).
 */
public final class ElectronicSignatures {

    private final Supplier<@Nullable Signatures> identity;
    private final Consumer<AuditActionEvent> ledger;
    private final TransactionTemplate refusals;
    private final String plant;
    private final Clock clock;

    ElectronicSignatures(
            Supplier<@Nullable Signatures> identity,
            Consumer<AuditActionEvent> ledger,
            PlatformTransactionManager transactions,
            String plant,
            Clock clock) {
        this.identity = identity;
        this.ledger = ledger;
        this.refusals = new TransactionTemplate(transactions);
        refusals.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.plant = plant;
        this.clock = clock;
    }

    /**
     * A service's signatures: identity's check over HTTP at {@code identityUrl} where the service runs apart from
     * identity (called with the signer's token), otherwise identity's bean in this process (the plant), looked up when
     * someone signs. Records and refusals go to {@code ledger}, the service's outbox.
     */
    public static ElectronicSignatures of(
            @Nullable URI identityUrl,
            ObjectProvider<Signatures> inProcess,
            Consumer<AuditActionEvent> ledger,
            PlatformTransactionManager transactions,
            String plant) {
        var remote = identityUrl == null
                ? null
                : ServiceClients.client(
                        "identity",
                        identityUrl,
                        Signatures.class,
                        SignatureProblem.class,
                        SignatureProblem.SIGNATURE_UNAVAILABLE);
        return new ElectronicSignatures(
                remote != null ? () -> remote : inProcess::getIfAvailable,
                ledger,
                transactions,
                plant,
                Clock.systemUTC());
    }

    /**
     * The caller's signature on {@code action} about {@code subject}, checked: they hold one of {@code allowed} and
     * re-entered their own password.
     *
     * @throws ProblemException {@code signature-required} (400) without a credential, {@code signature-not-allowed}
     *     (403) or {@code signature-refused} (403), both recorded in the ledger, {@code signature-unavailable} (503)
     */
    public Signature sign(
            SignedAction action,
            String subject,
            @Nullable String serial,
            @Nullable SignatureCredential credential,
            Set<String> allowed) {
        if (credential == null) {
            throw SignatureProblem.SIGNATURE_REQUIRED.exception(
                    "This decision needs your electronic signature: re-enter your password and state its meaning");
        }
        var signer = callerName();
        if (callerRoles().stream().noneMatch(allowed::contains)) {
            refuse(signer, action, subject, serial, Refusal.NOT_ALLOWED);
            throw SignatureProblem.SIGNATURE_NOT_ALLOWED.exception(
                    "Your role may not sign " + words(action) + ": nothing was signed");
        }
        var check = identity.get();
        if (check == null) {
            throw SignatureProblem.SIGNATURE_UNAVAILABLE.exception("No identity to check signatures with");
        }
        try {
            var checked = check.verify(credential);
            if (checked.roles().stream().noneMatch(allowed::contains)) {
                // The token's roles allowed it, identity's rows no longer do.
                refuse(signer, action, subject, serial, Refusal.NOT_ALLOWED);
                throw SignatureProblem.SIGNATURE_NOT_ALLOWED.exception(
                        "Your role may not sign " + words(action) + ": nothing was signed");
            }
            return new Signature(
                    action,
                    subject,
                    serial,
                    signer,
                    checked.printedName(),
                    credential,
                    clock.instant(),
                    ClientOrigin.current());
        } catch (ProblemException e) {
            if (e.problem() == SignatureProblem.SIGNATURE_REFUSED) {
                refuse(signer, action, subject, serial, Refusal.WRONG_PASSWORD);
            }
            throw e;
        }
    }

    private void refuse(String signer, SignedAction action, String subject, @Nullable String serial, Refusal why) {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                clock.instant(),
                plant,
                signer,
                ClientOrigin.current(),
                new ElectronicSignatureRefused(action, subject, serial, why));
        refusals.executeWithoutResult(status -> ledger.accept(event));
    }

    /** The signed-in caller (the request's over HTTP, the UI's user in process): never a field a client fills in. */
    private static String callerName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("No one is signed in");
        }
        return authentication.getName();
    }

    private static Set<String> callerRoles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(a -> a.getAuthority() == null ? "" : a.getAuthority())
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toSet());
    }

    private static String words(SignedAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "s";
    }

    /** A checked signature, to be recorded in the transaction of the decision it signs. */
    public final class Signature {

        private final SignedAction action;
        private final String subject;
        private final @Nullable String serial;
        private final String signer;
        private final String printedName;
        private final SignatureCredential credential;
        private final Instant signedAt;
        private final @Nullable String origin;

        private Signature(
                SignedAction action,
                String subject,
                @Nullable String serial,
                String signer,
                String printedName,
                SignatureCredential credential,
                Instant signedAt,
                @Nullable String origin) {
            this.action = action;
            this.subject = subject;
            this.serial = serial;
            this.signer = signer;
            this.printedName = printedName;
            this.credential = credential;
            // As PostgreSQL and the ledger keep times, so the record shows the time the ledger holds.
            this.signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
            this.origin = origin;
        }

        /** The signer's user name: the decision's actor. */
        public String signer() {
            return signer;
        }

        /** When it was signed: the decision's time too. */
        public Instant signedAt() {
            return signedAt;
        }

        /** Writes the signed record, with the decision's reason, in the caller's (the decision's) transaction. */
        public void record(@Nullable String reason) {
            ledger.accept(new AuditActionEvent(
                    EventIds.next(),
                    AuditAction.SCHEMA_VERSION,
                    signedAt,
                    plant,
                    signer,
                    origin,
                    new ElectronicSignature(
                            action, subject, serial, printedName, credential.meaning(), signedAt, reason)));
        }
    }
}
