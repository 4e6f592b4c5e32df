package eu.vigil.core.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * The data a signature covers, fed to a digest as often as the algorithm needs (PureEdDSA signing
 * reads it twice). Files are never loaded whole: a regular file is hashed through memory-mapped
 * windows, which lets the JDK's SHA intrinsics run straight over the page cache; anything else
 * (a pipe, a device) streams through one buffer.
 */
abstract sealed class Message {

    /** 64 MiB windows: large enough that mapping costs nothing, small enough for any address space. */
    private static final long WINDOW = 64L << 20;
    private static final int STREAM_BUFFER = 1 << 20;

    abstract void feed(MessageDigest digest) throws IOException;

    /** Whether {@link #feed} gives the same bytes every time (a pipe does not). */
    abstract boolean rereadable();

    static Message of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Message of(Path file) {
        return new FileData(file, WINDOW);
    }

    /** A file read through windows of the given size (tests use small ones to cross window edges). */
    static Message of(Path file, long window) {
        return new FileData(file, window);
    }

    private static final class Bytes extends Message {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        void feed(MessageDigest digest) {
            digest.update(bytes);
        }

        @Override
        boolean rereadable() {
            return true;
        }
    }

    private static final class FileData extends Message {
        private final Path file;
        private final long window;

        FileData(Path file, long window) {
            this.file = file;
            this.window = window;
        }

        @Override
        boolean rereadable() {
            return Files.isRegularFile(file);
        }

        @Override
        void feed(MessageDigest digest) throws IOException {
            if (!Files.isRegularFile(file)) {
                stream(digest);
                return;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                for (long position = 0; position < size; position += window) {
                    MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, position,
                            Math.min(window, size - position));
                    try {
                        digest.update(mapped);
                    } catch (InternalError e) {
                        // the JVM's answer to SIGBUS: the file shrank under the mapping
                        throw new IOException(file + " changed while it was being read", e);
                    }
                }
                if (channel.size() != size) {
                    throw new IOException(file + " changed size while it was being read");
                }
            }
        }

        private void stream(MessageDigest digest) throws IOException {
            byte[] buffer = new byte[STREAM_BUFFER];
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
        }
    }
}
