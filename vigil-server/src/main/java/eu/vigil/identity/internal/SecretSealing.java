package eu.vigil.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import eu.vigil.platform.DataFolder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals identity secrets (TOTP seeds) before they are stored: AES-256-GCM with the account's
 * purpose as associated data, so a sealed value moved to another account does not open.
 */
@Component
public class SecretSealing {

    private static final int NONCE_BYTES = 12;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretSealing(Environment environment) {
        this.key = loadOrCreateKey(DataFolder.from(environment).folder("keys").resolve("identity-seal.key"));
    }

    public String seal(String purpose, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal secret", e);
        }
    }

    public String open(String purpose, String sealed) {
        if (sealed == null || !sealed.startsWith("v1:")) {
            throw new IllegalStateException("sealed secret has an unknown format");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed secret does not open: it was altered or sealed under another key", e);
        }
    }

    private static SecretKey loadOrCreateKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                Path temp = Files.createTempFile(file.getParent(), "seal", ".tmp");
                if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.write(temp, Base64.getEncoder().encode(raw));
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(file).strip()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
