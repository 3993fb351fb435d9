package dev.golive.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real nginx on a free loopback port, with a private prefix and config in a temp directory:
 * static files from {@code root()}, gzip on, and {@code /old/...} redirecting to {@code /static/...}.
 */
public final class NginxServer implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private final Process process;

    private NginxServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static NginxServer start(Path dir) throws IOException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(
                    NGINX + " not found: install nginx (apt-get install nginx), or run ./test.sh which does");
        }
        Files.createDirectories(dir.resolve("html/static"));
        Files.createDirectories(dir.resolve("logs"));
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("nginx.conf"), config(dir, port));
        Process process = new ProcessBuilder(List.of(NGINX.toString(), "-p", dir.toString(), "-c", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile())
                .start();
        NginxServer server = new NginxServer(dir, port, process);
        server.awaitListening();
        return server;
    }

    private static String config(Path dir, int port) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return (root ? "user root;\n" : "") + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  types { text/html html; text/plain txt; application/json json; }
                  gzip on;
                  gzip_min_length 1;
                  gzip_types text/plain application/json;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/html;
                    location ~ ^/old/(.*)$ { return 302 /static/$1; }
                  }
                }
                """.formatted(dir, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within 20 s:\n" + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("logs/console.log")) + Files.readString(dir.resolve("logs/error.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Where the static files are served from. */
    public Path root() {
        return dir.resolve("html");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
