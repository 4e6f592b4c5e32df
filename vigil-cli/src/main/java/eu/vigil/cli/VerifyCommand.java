package eu.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.signing.VerificationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
                "Check a detached signature of a file with a public key (Ed25519 or P-256; the algorithm comes "
                        + "from the key). Accepts the signatures of vigil sign and of openssl "
                        + "(pkeyutl -sign -rawin for Ed25519, dgst -sha256 -sign for P-256).",
                "Prints {\"file\", \"valid\", \"algorithm\"}; exit status 0 when valid, 1 when not or on an error."})
final class VerifyCommand implements Callable<Integer> {

    /** Signatures are 64 (Ed25519) or at most 72 (P-256 DER) bytes; anything much larger is not one. */
    private static final long MAX_SIGNATURE_FILE = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--pub", paramLabel = "PUB", required = true, description = "Public key, PEM (PUBLIC KEY).")
    Path publicKeyFile;

    @Option(names = "--sig", paramLabel = "SIG", required = true, description = "The detached signature.")
    Path signatureFile;

    @Parameters(paramLabel = "FILE", description = "The signed file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("file", file.toString());
        boolean valid = false;
        try {
            VerificationKey key = VerificationKey.fromPem(SignCommand.readKey(publicKeyFile));
            long size = Files.size(signatureFile);
            if (size > MAX_SIGNATURE_FILE) {
                throw new InvalidInputException(signatureFile + " is " + size + " bytes: too large for a signature");
            }
            valid = key.verify(file, Files.readAllBytes(signatureFile));
            json.writeBooleanField("valid", valid);
            json.writeStringField("algorithm", key.algorithm().label());
        } catch (InvalidInputException e) {
            json.writeBooleanField("valid", false);
            json.writeStringField("error", e.getMessage());
        } catch (NoSuchFileException e) {
            json.writeBooleanField("valid", false);
            json.writeStringField("error", "no such file: " + e.getFile());
        } catch (IOException e) {
            json.writeBooleanField("valid", false);
            json.writeStringField("error", e.toString());
        }
        json.writeEndObject();
        json.flush();
        out.print('\n');
        out.flush();
        return valid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
    }
}
