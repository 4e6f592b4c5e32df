package eu.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {
                "Make a detached signature of a file, of any size, with a private key from vigil keygen or openssl "
                        + "(Ed25519 or P-256; the algorithm comes from the key).",
                "The signature is what openssl makes: Ed25519 as 'openssl pkeyutl -sign -rawin', P-256 as "
                        + "'openssl dgst -sha256 -sign' (DER). Prints {\"file\", \"signature\", \"algorithm\"}."})
final class SignCommand implements Callable<Integer> {

    /** A key file larger than this is not a key. */
    static final long MAX_KEY_FILE = 64 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "KEY", required = true, description = "Private key, PEM (PRIVATE KEY or EC PRIVATE KEY).")
    Path keyFile;

    @Option(names = "--out", paramLabel = "SIG", description = "Where to write the signature. Default: FILE.sig.")
    Path signatureFile;

    @Parameters(paramLabel = "FILE", description = "The file to sign.")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path target = signatureFile != null ? signatureFile : file.resolveSibling(file.getFileName() + ".sig");
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("file", file.toString());
        int status;
        try {
            SigningKey key = SigningKey.fromPem(readKey(keyFile));
            byte[] signature = key.sign(file);
            // write beside the target and move, so that a failure never leaves half a signature
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".vigil-sign", ".tmp");
            try {
                Files.write(temporary, signature);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            json.writeStringField("signature", target.toString());
            json.writeStringField("algorithm", key.algorithm().label());
            status = VigilCli.OK;
        } catch (InvalidInputException e) {
            json.writeStringField("error", e.getMessage());
            status = VigilCli.FINDING_OR_INVALID;
        } catch (NoSuchFileException e) {
            json.writeStringField("error", "no such file: " + e.getFile());
            status = VigilCli.FINDING_OR_INVALID;
        } catch (IOException e) {
            json.writeStringField("error", e.toString());
            status = VigilCli.FINDING_OR_INVALID;
        }
        json.writeEndObject();
        json.flush();
        out.print('\n');
        out.flush();
        return status;
    }

    /** Reads a PEM key file, refusing anything too large to be one. */
    static String readKey(Path keyFile) throws IOException {
        long size = Files.size(keyFile);
        if (size > MAX_KEY_FILE) {
            throw new InvalidInputException(keyFile + " is " + size + " bytes: too large for a PEM key");
        }
        return Files.readString(keyFile, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
