package eu.vigil.keys.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.util.Base64;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import eu.vigil.keys.MasterKeyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;

/**
 * Opens the master key, or makes it on first start. In order: a PKCS#11 token when
 * {@code vigil.keys.pkcs11-config} names a SunPKCS11 configuration (PIN = the passphrase);
 * otherwise {@code <data>/keys/master.p12}. The passphrase comes from
 * {@code VIGIL_MASTER_PASSPHRASE}, else the file {@code vigil.keys.passphrase-file}, else
 * {@code <data>/keys/master.passphrase}, which is generated (mode 0600) on first start with a
 * warning that it belongs on another disk in production.
 */
public final class MasterKeyStore {

    public static final String PASSPHRASE_VARIABLE = "VIGIL_MASTER_PASSPHRASE";
    public static final String PASSPHRASE_FILE_PROPERTY = "vigil.keys.passphrase-file";
    public static final String PKCS11_CONFIG_PROPERTY = "vigil.keys.pkcs11-config";
    public static final String KEY_STORE_FILE = "master.p12";
    public static final String GENERATED_PASSPHRASE_FILE = "master.passphrase";
    static final String ALIAS = "vigil-master-1";
    private static final Logger log = LoggerFactory.getLogger(MasterKeyStore.class);

    private MasterKeyStore() {
    }

    /** The folder under the data folder that holds the key store. */
    public static Path folder(Path dataRoot) {
        return dataRoot.resolve("keys");
    }

    /**
     * Opens the master key; makes key store and passphrase on first start when
     * {@code createIfMissing}. Changes nothing when it fails.
     */
    public static MasterKey open(PropertyResolver settings, Path dataRoot, boolean createIfMissing) {
        String pkcs11 = settings.getProperty(PKCS11_CONFIG_PROPERTY);
        if (pkcs11 != null && !pkcs11.isBlank()) {
            return openPkcs11(Path.of(pkcs11), passphrase(settings, dataRoot, false));
        }
        Path folder = folder(dataRoot);
        Path keyStore = folder.resolve(KEY_STORE_FILE);
        if (!Files.exists(keyStore)) {
            if (!createIfMissing) {
                throw new MasterKeyUnavailableException("no master key store at " + keyStore);
            }
            return create(settings, dataRoot, keyStore);
        }
        return load(keyStore, passphrase(settings, dataRoot, false));
    }

    static MasterKey load(Path keyStore, char[] passphrase) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
            // the first master key is vigil-master-1; each master-key rotation counts up
            String alias = java.util.Collections.list(store.aliases()).stream().filter(a -> a.startsWith("vigil-master-"))
                    .findFirst().orElse(ALIAS);
            if (!(store.getKey(alias, passphrase) instanceof SecretKey key)) {
                throw new MasterKeyUnavailableException("the master key store " + keyStore
                        + " holds no master key (alias " + ALIAS + "): it is damaged or not Vigil's");
            }
            return new MasterKey(key, null, alias, "pkcs12:" + keyStore);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new MasterKeyUnavailableException("the master passphrase does not open " + keyStore
                        + ". Vigil will not start and has changed nothing: set the right passphrase in "
                        + PASSPHRASE_VARIABLE + " or in the file named by " + PASSPHRASE_FILE_PROPERTY
                        + " (--passphrase-file)", e);
            }
            throw new MasterKeyUnavailableException("cannot read the master key store " + keyStore + ": " + e.getMessage(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new MasterKeyUnavailableException("the master key store " + keyStore + " cannot be opened: "
                    + e.getMessage() + " (wrong passphrase or damaged file). Vigil has changed nothing", e);
        }
    }

    private static MasterKey create(PropertyResolver settings, Path dataRoot, Path keyStore) {
        try {
            Path folder = keyStore.getParent();
            Files.createDirectories(folder);
            restrictToOwner(folder);
            char[] passphrase = passphrase(settings, dataRoot, true);
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            SecretKey key = generator.generateKey();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(passphrase));
            Path temporary = Files.createTempFile(folder, "master", ".p12.tmp");
            restrictToOwner(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, passphrase);
            }
            syncAndMove(temporary, keyStore);
            log.info("Made a new master key in {}", keyStore);
            return new MasterKey(key, null, ALIAS, "pkcs12:" + keyStore);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new MasterKeyUnavailableException("cannot make the master key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a key store holding {@code key} under {@code alias} to {@code target} atomically
     * (temporary file, fsync, rename), readable by the owner only.
     */
    static void write(Path target, SecretKey key, String alias, char[] passphrase) throws IOException,
            java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(passphrase));
        Path temporary = Files.createTempFile(target.getParent(), "master", ".p12.tmp");
        restrictToOwner(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, passphrase);
        }
        syncAndMove(temporary, target);
    }

    /** Whether the passphrase comes from the generated file in the data folder (no variable, no file named). */
    static boolean usesGeneratedPassphrase(PropertyResolver settings) {
        String fromEnvironment = settings.getProperty(PASSPHRASE_VARIABLE);
        String file = settings.getProperty(PASSPHRASE_FILE_PROPERTY);
        return (fromEnvironment == null || fromEnvironment.isEmpty()) && (file == null || file.isBlank());
    }

    /** Replaces the generated passphrase file atomically. */
    static void writeGeneratedPassphrase(Path dataRoot, char[] passphrase) throws IOException {
        Path generated = folder(dataRoot).resolve(GENERATED_PASSPHRASE_FILE);
        Path temporary = Files.createTempFile(generated.getParent(), "master", ".passphrase.tmp");
        restrictToOwner(temporary);
        Files.writeString(temporary, new String(passphrase) + "\n", StandardCharsets.UTF_8);
        syncAndMove(temporary, generated);
    }

    static char[] passphrase(PropertyResolver settings, Path dataRoot, boolean generateIfMissing) {
        String fromEnvironment = settings.getProperty(PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        String file = settings.getProperty(PASSPHRASE_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            return readPassphrase(Path.of(file));
        }
        Path generated = folder(dataRoot).resolve(GENERATED_PASSPHRASE_FILE);
        if (Files.exists(generated)) {
            return readPassphrase(generated);
        }
        if (!generateIfMissing) {
            throw new MasterKeyUnavailableException("no master passphrase: set " + PASSPHRASE_VARIABLE
                    + " or " + PASSPHRASE_FILE_PROPERTY + " (--passphrase-file); " + generated + " does not exist");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Path temporary = Files.createTempFile(generated.getParent(), "master", ".passphrase.tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, passphrase + "\n", StandardCharsets.UTF_8);
            syncAndMove(temporary, generated);
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("cannot write the generated master passphrase " + generated, e);
        }
        log.warn("Generated a master passphrase in {} because neither {} nor {} was set. In production keep the "
                + "passphrase off this disk: move it to a secret store and pass it with {} or --passphrase-file.",
                generated, PASSPHRASE_VARIABLE, PASSPHRASE_FILE_PROPERTY, PASSPHRASE_VARIABLE);
        return passphrase.toCharArray();
    }

    private static char[] readPassphrase(Path file) {
        try {
            String passphrase = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (passphrase.isEmpty()) {
                throw new MasterKeyUnavailableException("the master passphrase file " + file + " is empty");
            }
            return passphrase.toCharArray();
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("cannot read the master passphrase file " + file + ": " + e, e);
        }
    }

    private static MasterKey openPkcs11(Path config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            if (!(store.getKey(ALIAS, null) instanceof SecretKey key)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
                generator.init(256);
                SecretKey made = generator.generateKey();
                // stored as a token object, so it survives restarts and never leaves the HSM
                store.setKeyEntry(ALIAS, made, null, null);
                log.info("Made a new master key {} in the PKCS#11 token of {}", ALIAS, config);
                return new MasterKey((SecretKey) store.getKey(ALIAS, null), provider, ALIAS, "pkcs11:" + config);
            }
            return new MasterKey(key, provider, ALIAS, "pkcs11:" + config);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new MasterKeyUnavailableException("cannot open the master key in the PKCS#11 token configured by "
                    + config + ": " + e.getMessage() + ". Vigil has changed nothing", e);
        }
    }

    static void syncAndMove(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
    }

    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the move itself is still atomic
        }
    }

    static void restrictToOwner(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
