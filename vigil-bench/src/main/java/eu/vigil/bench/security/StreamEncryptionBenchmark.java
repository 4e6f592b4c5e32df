package eu.vigil.bench.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

import javax.crypto.SecretKey;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.ChunkedGcm;

/**
 * Stream encryption and decryption throughput of {@link ChunkedGcm} (AES-256-GCM, 64 KiB chunks)
 * in memory, to compare with {@code openssl speed -evp aes-256-gcm}.
 * {@code bench/run eu.vigil.bench.security.StreamEncryptionBenchmark [MiB] [chunkKiB]}
 */
public final class StreamEncryptionBenchmark {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int chunk = (args.length > 1 ? Integer.parseInt(args[1]) : 64) * 1024;
        byte[] buffer = new byte[1 << 20];
        new Random(1).nextBytes(buffer);
        SecretKey key = AesGcm.newKey();
        byte[] aad = "bench|object".getBytes();
        // a sample for decryption, and warm-up
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        try (OutputStream out = ChunkedGcm.encrypting(sample, key, aad, chunk)) {
            for (int i = 0; i < 64; i++) {
                out.write(buffer);
            }
        }
        byte[] sealed = sample.toByteArray();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            try (OutputStream out = ChunkedGcm.encrypting(OutputStream.nullOutputStream(), key, aad, chunk)) {
                for (int i = 0; i < mib; i++) {
                    out.write(buffer);
                }
            }
            double encrypt = mib * 1.048576 / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            long total = 0;
            for (int pass = 0; pass < mib / 64; pass++) {
                try (InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key, aad)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                    }
                }
            }
            double decrypt = total / 1e6 / ((System.nanoTime() - start) / 1e9);
            System.out.printf("round %d: encrypt %.0f MB/s, decrypt %.0f MB/s (%d MiB, %d KiB chunks)%n",
                    round, encrypt, decrypt, mib, chunk / 1024);
        }
    }
}
