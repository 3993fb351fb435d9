package dev.golive.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that misbehaves on purpose, for what nginx will not do: {@code /ok}
 * answers, {@code /slow?ms=N} answers after N ms, {@code /reset} resets the connection, {@code
 * /close} closes it without a word, {@code /malformed} answers garbage, {@code /huge?mb=N}
 * sends a body of N megabytes, {@code /hang} never answers, {@code /missing} is a 404, {@code
 * /redirect?to=X} redirects to X (302), {@code /bye} answers and closes the connection.
 */
public final class RudeServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();

    private RudeServer(ServerSocket server) {
        this.server = server;
    }

    public static RudeServer start() throws IOException {
        RudeServer rude = new RudeServer(new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()));
        rude.threads.submit(rude::accept);
        return rude;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections open right now. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String target;
            while ((target = readRequest(in)) != null) {
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
                switch (path) {
                    case "/ok" -> answer(out, 200, "ok");
                    case "/slow" -> {
                        Thread.sleep(number(query, "ms", 100));
                        answer(out, 200, "slow ok");
                    }
                    case "/redirect" -> {
                        // To the path or URL in to=, as it was given.
                        String to = query.startsWith("to=") ? query.substring(3) : "/ok";
                        out.write(("HTTP/1.1 302 Found\r\nLocation: " + to + "\r\nContent-Length: 0\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    case "/bye" -> {
                        out.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nbye"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        return;
                    }
                    case "/reset" -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case "/close" -> {
                        return;
                    }
                    case "/malformed" -> {
                        out.write("HTTP/1.1 abc Broken\r\nContent-Length: zzz\r\n\r\nnonsense"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(200);
                        return;
                    }
                    case "/huge" -> huge(out, number(query, "mb", 70));
                    case "/hang" -> {
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    default -> answer(out, 404, "no such page");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing
        } finally {
            connections.decrementAndGet();
        }
    }

    private static long number(String query, String name, long otherwise) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Long.parseLong(pair.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

    /** Reads a request's head (and skips a body by Content-Length); the target, or null at the end. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (c < 0) {
            return null;
        }
        String[] lines = head.toString().split("\r\n");
        long length = 0;
        for (String line : lines) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return lines[0].split(" ")[1];
    }

    private static void answer(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static void huge(OutputStream out, long megabytes) throws IOException {
        long length = megabytes * 1024 * 1024;
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        for (long sent = 0; sent < length; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
