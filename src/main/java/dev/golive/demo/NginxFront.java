package dev.golive.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * nginx in front of the shop, as in production: round robin over the instances, an instance that
 * refuses or drops a connection set aside for a few seconds, and a request that could not reach
 * one tried on the next (nginx never sends a POST twice once it reached an instance). Its own
 * prefix, config, logs and PID file live in the demo's directory; it listens on 127.0.0.1 only.
 */
public final class NginxFront implements Front {
    static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"));

    private final Process process;
    private final String url;

    private NginxFront(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The nginx binary when it is installed. */
    static java.util.Optional<Path> installed() {
        return NGINX.stream().filter(Files::isExecutable).findFirst();
    }

    static NginxFront start(Path nginx, Path dir, List<String> backends, int port) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        StringBuilder servers = new StringBuilder();
        backends.forEach(b -> servers.append("    server ").append(b).append(" max_fails=1 fail_timeout=3s;\n"));
        String conf = config(dir, 1024, """
                  upstream shop {
                %1$s    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://shop;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host:$server_port;
                      proxy_connect_timeout 1s;
                      proxy_read_timeout 30s;
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_next_upstream_tries 2;
                    }
                  }
                """.formatted(servers, port));
        Path file = Files.writeString(dir.resolve("nginx.conf"), conf);
        Process process = new ProcessBuilder(List.of(nginx.toString(), "-p", dir.toString(), "-c", file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile())
                .start();
        NginxFront front = new NginxFront(process, "http://127.0.0.1:" + port);
        front.awaitListening(dir, port);
        return front;
    }

    /**
     * An nginx configuration that keeps everything in {@code dir}: in the foreground, one worker,
     * its PID file, error log and temporary files there, no access log; {@code http} is the
     * inside of the {@code http} block. As root, the worker stays root, so that it can read a
     * private directory.
     */
    public static String config(Path dir, int connections, String http) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return (root ? "user root;\n" : "") + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections %2$d; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                %3$s}
                """.formatted(dir, connections, http);
    }

    private void awaitListening(Path dir, int port) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped at once (exit " + process.exitValue() + "): "
                        + Files.readString(dir.resolve("logs/error.log")).strip());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted while nginx started"));
                }
            }
        }
        close();
        throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String kind() {
        return "nginx";
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
