package eu.vigil.core.signing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * SHA-256 and SHA-512 from the system's libcrypto (OpenSSL 3) through the foreign-function
 * interface (Java 22+; this class replaces the Java 21 one in the multi-release jar). Direct
 * buffers — a memory-mapped file — are hashed in place, without a copy. Used when native access is
 * enabled ({@code --enable-native-access=ALL-UNNAMED}, as {@code ./vigil} runs; or
 * {@code -Dvigil.digest=native}). When libcrypto cannot be loaded, when native access is not
 * enabled, or when {@code -Dvigil.digest=jdk} is set,
 * {@link #create} answers {@code null} and the JDK's digests are used; the digest value is the
 * same either way.
 */
final class NativeDigests {

    private static final Library LIBRARY = Library.load();

    private NativeDigests() {
    }

    static MessageDigest create(String algorithm) {
        if (LIBRARY == null) {
            return null;
        }
        return switch (algorithm) {
            case "SHA-256" -> new Evp(algorithm, LIBRARY, LIBRARY.sha256, 32);
            case "SHA-512" -> new Evp(algorithm, LIBRARY, LIBRARY.sha512, 64);
            default -> null;
        };
    }

    static String source() {
        return LIBRARY == null ? "jdk" : "libcrypto";
    }

    /** The libcrypto functions used, bound once. */
    private static final class Library {
        final MethodHandle newContext;
        final MethodHandle freeContext;
        final MethodHandle init;
        final MethodHandle update;
        final MethodHandle finish;
        final MemorySegment sha256;
        final MemorySegment sha512;

        private Library(SymbolLookup crypto, Linker linker) throws Throwable {
            ValueLayout pointer = ValueLayout.ADDRESS;
            newContext = linker.downcallHandle(find(crypto, "EVP_MD_CTX_new"), FunctionDescriptor.of(pointer));
            freeContext = linker.downcallHandle(find(crypto, "EVP_MD_CTX_free"), FunctionDescriptor.ofVoid(pointer));
            init = linker.downcallHandle(find(crypto, "EVP_DigestInit_ex"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, pointer, pointer, pointer));
            // a heap array may be passed in place (critical): no copy for byte[] updates either
            update = linker.downcallHandle(find(crypto, "EVP_DigestUpdate"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, pointer, pointer, ValueLayout.JAVA_LONG),
                    Linker.Option.critical(true));
            finish = linker.downcallHandle(find(crypto, "EVP_DigestFinal_ex"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, pointer, pointer, pointer), Linker.Option.critical(true));
            MethodHandle sha256Handle = linker.downcallHandle(find(crypto, "EVP_sha256"), FunctionDescriptor.of(pointer));
            MethodHandle sha512Handle = linker.downcallHandle(find(crypto, "EVP_sha512"), FunctionDescriptor.of(pointer));
            sha256 = (MemorySegment) sha256Handle.invokeExact();
            sha512 = (MemorySegment) sha512Handle.invokeExact();
            if (sha256.equals(MemorySegment.NULL) || sha512.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("libcrypto offers no SHA-256/SHA-512");
            }
        }

        private static MemorySegment find(SymbolLookup lookup, String name) {
            return lookup.find(name).orElseThrow(() -> new IllegalStateException("libcrypto lacks " + name));
        }

        static Library load() {
            String choice = System.getProperty("vigil.digest", "");
            // without --enable-native-access the JVM would warn on stderr: then the JDK's digests serve
            if (choice.equals("jdk") || !choice.equals("native")
                    && !NativeDigests.class.getModule().isNativeAccessEnabled()) {
                return null;
            }
            for (String name : new String[] {"libcrypto.so.3", "libcrypto.3.dylib", "libcrypto-3-x64.dll"}) {
                try {
                    return new Library(SymbolLookup.libraryLookup(name, Arena.global()), Linker.nativeLinker());
                } catch (Throwable e) {
                    // not this name, not this system, or native access refused: try the next, else the JDK
                }
            }
            return null;
        }
    }

    /** One EVP digest context; freed by {@link #engineReset} reuse and, at the end, by the cleaner. */
    private static final class Evp extends MessageDigest implements Cloneable {
        private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
        private final Library library;
        private final MemorySegment type;
        private final int length;
        private final MemorySegment context;
        private boolean started;

        Evp(String algorithm, Library library, MemorySegment type, int length) {
            super(algorithm);
            this.library = library;
            this.type = type;
            this.length = length;
            try {
                this.context = (MemorySegment) library.newContext.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto cannot make a digest context", e);
            }
            if (context.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto cannot make a digest context");
            }
            MemorySegment owned = context;
            MethodHandle free = library.freeContext;
            CLEANER.register(this, () -> {
                try {
                    free.invokeExact(owned);
                } catch (Throwable e) {
                    // nothing to do at this point
                }
            });
        }

        private void start() {
            if (!started) {
                try {
                    check((int) library.init.invokeExact(context, type, MemorySegment.NULL));
                } catch (Throwable e) {
                    throw failure(e);
                }
                started = true;
            }
        }

        @Override
        protected void engineUpdate(byte input) {
            engineUpdate(new byte[] {input}, 0, 1);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            if (len == 0) {
                return;
            }
            start();
            try {
                check((int) library.update.invokeExact(context,
                        MemorySegment.ofArray(input).asSlice(offset, len), (long) len));
            } catch (Throwable e) {
                throw failure(e);
            }
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            if (!input.isDirect()) {
                super.engineUpdate(input);
                return;
            }
            int len = input.remaining();
            if (len == 0) {
                return;
            }
            start();
            try {
                check((int) library.update.invokeExact(context, MemorySegment.ofBuffer(input), (long) len));
            } catch (Throwable e) {
                throw failure(e);
            }
            input.position(input.limit());
        }

        @Override
        protected byte[] engineDigest() {
            start();
            byte[] out = new byte[length];
            try {
                check((int) library.finish.invokeExact(context, MemorySegment.ofArray(out), MemorySegment.NULL));
            } catch (Throwable e) {
                throw failure(e);
            }
            started = false;
            return out;
        }

        @Override
        protected int engineGetDigestLength() {
            return length;
        }

        @Override
        protected void engineReset() {
            started = false;
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            throw new CloneNotSupportedException("a native digest is not cloned");
        }

        private static void check(int result) {
            if (result != 1) {
                throw new IllegalStateException("libcrypto's digest failed");
            }
        }

        private static RuntimeException failure(Throwable e) {
            return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
