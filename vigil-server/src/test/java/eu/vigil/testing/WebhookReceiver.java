package eu.vigil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port (the JDK's {@code com.sun.net.httpserver}) that records
 * every POST it receives. It can be told to fail the first requests with a status, to test retries.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: headers (lower-case names) and the raw body. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final java.util.concurrent.atomic.AtomicBoolean holdArmed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
                if (holdArmed.compareAndSet(true, false)) {
                    // this request hangs here without an answer, as a receiver mid-call would
                    held.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                int status;
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = failureStatus;
                } else {
                    received.add(new Received(Map.copyOf(headers), body));
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next {@code count} requests with {@code status} (and does not record them). */
    public void failNext(int count, int status) {
        this.failureStatus = status;
        this.failuresLeft.set(count);
    }

    /** Makes the next request hang, unanswered and unrecorded, until {@link #release()}; returns a latch that opens when it arrives. */
    public java.util.concurrent.CountDownLatch holdNext() {
        holdArmed.set(true);
        return held;
    }

    public void release() {
        gate.countDown();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
