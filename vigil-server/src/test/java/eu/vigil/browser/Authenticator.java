package eu.vigil.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import eu.vigil.identity.internal.Totp;

/**
 * The test's authenticator app for one enrolled secret, plus the recovery codes shown at
 * enrolment. The server accepts a TOTP code once per 30-second step, so this keeps the last step
 * it used: {@link #freshCode()} waits for the next step when the current one is spent, and
 * {@link #nextSignInCode()} prefers a recovery code over waiting.
 */
final class Authenticator {

    private static final long STEP_SECONDS = 30;

    private final Totp totp;
    private final String secret;
    private final Deque<String> recoveryCodes = new ArrayDeque<>();
    private long lastStep = -1;

    Authenticator(Totp totp, String secret) {
        this.totp = totp;
        this.secret = secret;
    }

    String secret() {
        return secret;
    }

    void recoveryCodes(List<String> codes) {
        recoveryCodes.clear();
        recoveryCodes.addAll(codes);
    }

    int recoveryCodesLeft() {
        return recoveryCodes.size();
    }

    /** The current code for enrolment, which spends its step like a sign-in does. */
    String currentCode() {
        long step = Instant.now().getEpochSecond() / STEP_SECONDS;
        lastStep = Math.max(lastStep, step);
        return totp.codeAt(secret, Instant.ofEpochSecond(step * STEP_SECONDS));
    }

    /** A code of a step not used before; sleeps into the next step when this one is spent. */
    String freshCode() {
        long step = Instant.now().getEpochSecond() / STEP_SECONDS;
        if (step <= lastStep) {
            Instant next = Instant.ofEpochSecond((lastStep + 1) * STEP_SECONDS).plusMillis(300);
            Duration sleep = Duration.between(Instant.now(), next);
            System.out.printf("browser tests: waiting %.1f s for the next TOTP step%n", sleep.toMillis() / 1000.0);
            try {
                Thread.sleep(Math.max(0, sleep.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = Instant.now().getEpochSecond() / STEP_SECONDS;
        }
        lastStep = step;
        return totp.codeAt(secret, Instant.ofEpochSecond(step * STEP_SECONDS));
    }

    /** The current step's code when unused, else a recovery code (each works once), else waits for the next step. */
    String nextSignInCode() {
        long step = Instant.now().getEpochSecond() / STEP_SECONDS;
        if (step <= lastStep && !recoveryCodes.isEmpty()) {
            return recoveryCodes.pop();
        }
        return freshCode();
    }

    String useRecoveryCode() {
        if (recoveryCodes.isEmpty()) {
            throw new IllegalStateException("no recovery code left");
        }
        return recoveryCodes.pop();
    }
}
