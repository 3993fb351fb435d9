package dev.golive.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * A small HTTP server run as its own JVM, standing for one instance of a redundant service:
 * {@code HelloServer FILE}, where the properties file gives {@code address}, {@code port} and
 * {@code pidFile}. It answers {@code /health} and every other path with 200.
 */
public final class HelloServer {
    private HelloServer() {}

    public static void main(String[] args) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            p.load(in);
        }
        String address = p.getProperty("address");
        HttpServer server =
                HttpServer.create(new InetSocketAddress(address, Integer.parseInt(p.getProperty("port"))), 100);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> answer(exchange, "hello from " + address + "\n"));
        server.createContext("/health", exchange -> answer(exchange, "ok\n"));
        server.start();
        Files.writeString(
                Path.of(p.getProperty("pidFile")), ProcessHandle.current().pid() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
