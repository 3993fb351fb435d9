import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP server that stalls on a fixed schedule: it answers at once, except during the last
 * STALL_MS of every EVERY_MS (counted from its start), when every request that arrives is held
 * and answered when the stall ends. A load generator that waits for responses before sending
 * more (coordinated omission) sees only a handful of slow requests; one that keeps sending at its
 * rate sees a tenth of them wait, up to the whole stall.
 *
 * <p>Usage: {@code java bench/StallServer.java PORT [EVERY_MS [STALL_MS]]} (default 10000 and
 * 1000). Listens on 127.0.0.1 with keep-alive, one virtual thread per request; prints
 * {@code listening on 127.0.0.1:PORT} when ready.
 */
public final class StallServer {
    private static final byte[] BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);

    private final long start = System.nanoTime();
    private final long every;
    private final long stall;

    private StallServer(long everyMillis, long stallMillis) {
        this.every = everyMillis * 1_000_000L;
        this.stall = stallMillis * 1_000_000L;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java StallServer.java PORT [EVERY_MS [STALL_MS]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long every = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        long stall = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
        if (stall <= 0 || stall >= every) {
            System.err.println("StallServer: the stall (" + stall + " ms) must be above 0 and below the period ("
                    + every + " ms)");
            System.exit(2);
        }
        StallServer stalls = new StallServer(every, stall);
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", stalls::answer);
        server.start();
        System.out.println("listening on 127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            holdDuringStall();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        }
    }

    /** Parks until the current stall ends; returns at once outside a stall. */
    private void holdDuringStall() {
        long now = System.nanoTime();
        long phase = (now - start) % every;
        if (phase < every - stall) {
            return;
        }
        long end = now - phase + every;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
