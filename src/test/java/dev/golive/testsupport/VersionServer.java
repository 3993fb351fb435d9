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
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * An application packaged as a runnable jar, run by {@code java -jar app.jar FILE} where the
 * properties file gives {@code address} and {@code port}. {@code /health} answers 200; {@code
 * /version} the {@code Implementation-Version} of the jar it was started from; every other path
 * answers 200 too, unless the jar's manifest says {@code X-Broken: true} (a build whose pages fail
 * although it is healthy). It writes no PID file of its own, like most programs.
 */
public final class VersionServer {
    private VersionServer() {}

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            p.load(in);
        }
        Attributes manifest;
        Path jar = Path.of(VersionServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest().getMainAttributes();
        }
        String version = manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        boolean broken = "true".equals(manifest.getValue("X-Broken"));
        HttpServer server = HttpServer.create(
                new InetSocketAddress(p.getProperty("address"), Integer.parseInt(p.getProperty("port"))), 50);
        server.createContext("/", x -> answer(x, broken ? 500 : 200, "page of " + version + "\n"));
        server.createContext("/health", x -> answer(x, 200, "ok\n"));
        server.createContext("/version", x -> answer(x, 200, version + "\n"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
