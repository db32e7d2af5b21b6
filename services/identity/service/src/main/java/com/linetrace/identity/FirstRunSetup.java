package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.UserCreated;
import com.linetrace.identity.api.FirstAdmin;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.Setup;
import com.linetrace.identity.api.UserSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The first admin of a plant outside the demo, with no default password ever: while no enabled admin exists, each
 * start writes a new one-time setup code to a file in the data directory, readable by its owner only (as Jenkins'
 * {@code initialAdminPassword}), keeps only its SHA-256 in identity's schema, and names the file (never the code) in
 * the log. Whoever can read that file creates the first admin ({@link Setup}); every code then stops working and this
 * instance's file is deleted (another instance deletes its own at its next start).
 */
final class FirstRunSetup implements Setup, ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 24;

    private final JdbcClient jdbc;
    private final PlantUsers users;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final IdentityAudit audit;
    private final TransactionOperations transactions;
    private final IdentitySettings settings;
    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FirstRunSetup(
            JdbcClient jdbc,
            PlantUsers users,
            PasswordRules rules,
            PasswordEncoder encoder,
            IdentityAudit audit,
            TransactionOperations transactions,
            IdentitySettings settings,
            Path file,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.rules = rules;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.file = file;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demoUsers()) {
            return;
        }
        var code = transactions.execute(status -> {
            if (users.enabledAdmins() > 0) {
                jdbc.sql("delete from identity.setup_code").update();
                return null;
            }
            var fresh = newCode();
            jdbc.sql("insert into identity.setup_code (code_hash, created_at) values (:hash, :now)")
                    .param("hash", sha256(fresh))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return fresh;
        });
        try {
            if (code == null) {
                Files.deleteIfExists(file);
                return;
            }
            write(code);
        } catch (IOException e) {
            throw new IllegalStateException("No admin yet, and the first-run setup code cannot be written to " + file
                    + " (" + e.getClass().getSimpleName() + "): set linetrace.identity.setup-code-file to a file in a"
                    + " directory this process may write, or linetrace.data-dir");
        }
        log.warn(
                "No admin yet: create the first one at /setup (or POST /api/setup/admin) with the one-time setup code"
                        + " in {} (readable by this user only; it works once, and a new one is written at each start"
                        + " until an admin exists)",
                file.toAbsolutePath());
    }

    @Override
    public SetupState state() {
        var open = jdbc.sql("select count(*) from identity.setup_code")
                                .query(Integer.class)
                                .single()
                        > 0
                && users.persons().stream().noneMatch(PlantUsers.Account::admin);
        return new SetupState(open);
    }

    @Override
    public UserSummary createFirstAdmin(FirstAdmin admin) {
        var username = rules.username(admin.username());
        var hash = encoder.encode(rules.password(username, admin.password()));
        var given = admin.setupCode() == null ? "" : admin.setupCode().strip();
        var created = transactions.execute(status -> {
            // Locks every code: two people with two instances' codes cannot both create a first admin.
            var expected = jdbc.sql("select code_hash from identity.setup_code for update")
                    .query(String.class)
                    .list();
            if (expected.isEmpty() || users.enabledAdmins() > 0) {
                throw IdentityProblem.SETUP_CLOSED.exception(
                        "The first-run setup is closed: an admin exists. Sign in, or ask an admin for an account");
            }
            var offered = sha256(given).getBytes(StandardCharsets.US_ASCII);
            if (expected.stream()
                    .noneMatch(code -> MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII), offered))) {
                throw IdentityProblem.INVALID_SETUP_CODE.exception(
                        "That is not the setup code: read it from the file the plant named in its log");
            }
            if (users.taken(username)) {
                throw IdentityProblem.USER_EXISTS.exception("There is already a user or equipment '" + username + "'");
            }
            users.insert(username, hash, List.of(Roles.ADMIN));
            jdbc.sql("delete from identity.setup_code").update();
            var account = users.lock(username).orElseThrow();
            audit.record(username, ClientAddress.current(), new UserCreated(username, account.audited()));
            return account;
        });
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the used setup code file {}: delete it by hand", file);
        }
        log.info("Created the first admin '{}' with the setup code; the setup is closed", username);
        return created.summary();
    }

    private void write(String code) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, code + System.lineSeparator(), StandardCharsets.US_ASCII);
    }

    private String newCode() {
        var code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private static String sha256(@Nullable String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
