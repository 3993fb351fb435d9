package dev.golive.testsupport;

import dev.golive.demo.Nginx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real nginx on a free loopback port, with a private prefix and config in a temp directory:
 * static files from {@code root()}, gzip on, and {@code /old/...} redirecting to {@code /static/...}.
 * Started {@link #startWithTls with TLS}, it serves the same on a second port over HTTPS, with a
 * self-signed certificate for {@code localhost} made by openssl.
 */
public final class NginxServer implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private final Process process;

    private NginxServer(Path dir, int port, int tlsPort, Process process) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.process = process;
    }

    public static NginxServer start(Path dir) throws IOException {
        return start(dir, false);
    }

    /** Also listens with TLS, see {@link #httpsUrl()}. */
    public static NginxServer startWithTls(Path dir) throws IOException {
        return start(dir, true);
    }

    /**
     * A load balancer in front of {@code backends} ({@code host:port}), round robin, giving up on a
     * backend that does not connect or answer within a second. With {@code retries} a request that
     * fails on one backend is tried on the next ({@code proxy_next_upstream error timeout}); without,
     * its error reaches the client. Each response names the backends tried in {@code X-Upstream}
     * ({@code 127.0.0.2:8080, 127.0.0.3:8080} when the first failed).
     */
    public static NginxServer startBalancer(Path dir, List<String> backends, boolean retries) throws IOException {
        return startBalancer(dir, backends, retries, true);
    }

    /**
     * As {@link #startBalancer(Path, List, boolean)}; with {@code setAside} false, a backend that
     * failed is never set aside, so that every request sent its way meets its fault.
     */
    public static NginxServer startBalancer(Path dir, List<String> backends, boolean retries, boolean setAside)
            throws IOException {
        StringBuilder upstream = new StringBuilder("upstream backends {\n");
        String marks = setAside ? " max_fails=1 fail_timeout=2s" : " max_fails=0";
        backends.forEach(
                b -> upstream.append("    server ").append(b).append(marks).append(";\n"));
        upstream.append("  }\n");
        String proxy = """
                location / {
                      proxy_pass http://backends;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_connect_timeout 1s;
                      proxy_read_timeout 1s;
                      proxy_send_timeout 1s;
                      proxy_next_upstream %s;
                      add_header X-Upstream $upstream_addr always;
                    }""".formatted(retries ? "error timeout" : "off");
        return start(dir, false, upstream.toString(), proxy);
    }

    private static NginxServer start(Path dir, boolean tls) throws IOException {
        return start(dir, tls, "", "location ~ ^/old/(.*)$ { return 302 /static/$1; }");
    }

    private static NginxServer start(Path dir, boolean tls, String upstream, String locations) throws IOException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(
                    NGINX + " not found: install nginx (apt-get install nginx), or run ./test.sh which does");
        }
        Files.createDirectories(dir.resolve("html/static"));
        Files.createDirectories(dir.resolve("logs"));
        int port = Ports.free();
        int tlsPort = 0;
        String listen = "listen 127.0.0.1:" + port + ";";
        if (tls) {
            selfSignedCertificate(dir);
            tlsPort = Ports.free();
            listen += "\n    listen 127.0.0.1:" + tlsPort + " ssl;\n    ssl_certificate " + dir.resolve("cert.pem")
                    + ";\n    ssl_certificate_key " + dir.resolve("key.pem") + ";";
        }
        int[] ports = tls ? new int[] {port, tlsPort} : new int[] {port};
        Process process = Nginx.start(NGINX, dir, config(dir, listen, upstream, locations), ports);
        return new NginxServer(dir, port, tlsPort, process);
    }

    private static void selfSignedCertificate(Path dir) throws IOException {
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-subj",
                        "/CN=localhost",
                        "-days",
                        "2",
                        "-keyout",
                        dir.resolve("key.pem").toString(),
                        "-out",
                        dir.resolve("cert.pem").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/openssl.log").toFile())
                .start();
        try {
            if (!openssl.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                openssl.destroyForcibly();
                throw new IllegalStateException(
                        "openssl could not make a certificate:\n" + Files.readString(dir.resolve("logs/openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while openssl made a certificate", e);
        }
    }

    private static String config(Path dir, String listen, String upstream, String locations) {
        return Nginx.config(dir, 256, """
                  types { text/html html; text/plain txt; application/json json; }
                  gzip on;
                  gzip_min_length 1;
                  gzip_types text/plain application/json;
                  %3$s
                  server {
                    %2$s
                    root %1$s/html;
                    %4$s
                  }
                """.formatted(dir, listen, upstream, locations));
    }

    /**
     * What nginx wrote to its error log so far (for a balancer: each backend that failed a request,
     * and why), for a failing test's message.
     */
    public String errorLog() {
        try {
            return Files.readString(dir.resolve("logs/error.log"));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    /** Where the static files are served from. */
    public Path root() {
        return dir.resolve("html");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The same server over TLS, with a self-signed certificate for {@code localhost}. */
    public String httpsUrl() {
        if (tlsPort == 0) {
            throw new IllegalStateException("this nginx was started without TLS; use startWithTls");
        }
        return "https://127.0.0.1:" + tlsPort;
    }

    @Override
    public void close() {
        Nginx.stop(process);
    }
}
