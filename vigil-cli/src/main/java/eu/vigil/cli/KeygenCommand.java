package eu.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.vigil.core.signing.SignatureAlgorithm;
import eu.vigil.core.signing.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {
                "Generate a signing key pair: PREFIX.key, the private key (PEM PKCS#8, readable only by you), and "
                        + "PREFIX.pub, the public key (PEM SubjectPublicKeyInfo). openssl reads both.",
                "Never overwrites: fails when either file exists. Prints one JSON object "
                        + "{\"privateKey\", \"publicKey\", \"algorithm\", \"fingerprint\"}."})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM", defaultValue = "ed25519",
            converter = AlgorithmConverter.class, completionCandidates = AlgorithmConverter.Names.class,
            description = "ed25519 (default) or p256 (ECDSA P-256 with SHA-256).")
    SignatureAlgorithm algorithm;

    @Option(names = "--out", paramLabel = "PREFIX", required = true,
            description = "Path prefix of the two files, e.g. keys/release writes keys/release.key and keys/release.pub.")
    Path prefix;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path privateFile = prefix.resolveSibling(prefix.getFileName() + ".key");
        Path publicFile = prefix.resolveSibling(prefix.getFileName() + ".pub");
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.writeStartObject();
        int status;
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            json.writeStringField("error", "refusing to overwrite " + (Files.exists(privateFile) ? privateFile : publicFile));
            status = VigilCli.FINDING_OR_INVALID;
        } else {
            SigningKey key = SigningKey.generate(algorithm);
            try {
                writeNew(privateFile, key.toPem(), true);
                try {
                    writeNew(publicFile, key.verificationKey().toPem(), false);
                } catch (IOException e) {
                    Files.deleteIfExists(privateFile);
                    throw e;
                }
                json.writeStringField("privateKey", privateFile.toString());
                json.writeStringField("publicKey", publicFile.toString());
                json.writeStringField("algorithm", algorithm.label());
                json.writeStringField("fingerprint", key.verificationKey().fingerprint());
                status = VigilCli.OK;
            } catch (FileAlreadyExistsException e) {
                json.writeStringField("error", "refusing to overwrite " + e.getFile());
                status = VigilCli.FINDING_OR_INVALID;
            } catch (IOException e) {
                json.writeStringField("error", "cannot write the key files: " + e);
                status = VigilCli.FINDING_OR_INVALID;
            }
        }
        json.writeEndObject();
        json.flush();
        out.print('\n');
        out.flush();
        return status;
    }

    /** Creates the file, failing if it exists; a private key is created with mode 0600 from the start. */
    private static void writeNew(Path file, String content, boolean secret) throws IOException {
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = secret && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        Path created = Files.createFile(file, attributes);
        Files.writeString(created, content, StandardCharsets.US_ASCII);
    }

    /** ed25519 or p256; anything else is a usage error. */
    static final class AlgorithmConverter implements CommandLine.ITypeConverter<SignatureAlgorithm> {
        @Override
        public SignatureAlgorithm convert(String value) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.ofLabel(value);
            if (algorithm == null) {
                throw new CommandLine.TypeConversionException("unknown algorithm '" + value + "' (use ed25519 or p256)");
            }
            return algorithm;
        }

        static final class Names implements Iterable<String> {
            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.Arrays.stream(SignatureAlgorithm.values()).map(SignatureAlgorithm::label).iterator();
            }
        }
    }
}
