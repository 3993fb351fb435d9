package dev.golive.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx in the foreground with everything in a directory of its own: its configuration, PID
 * file, logs and temporary files. For the demo's front, and for tests that need a real nginx.
 */
public final class Nginx {
    private static final Duration LISTEN = Duration.ofSeconds(20);

    private Nginx() {}

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

    /**
     * Writes {@code config} to {@code dir/nginx.conf}, starts nginx on it and waits until it listens
     * on every port given (on 127.0.0.1). When it stops or does not listen in time, it is stopped
     * and the failure says what its logs say.
     */
    public static Process start(Path nginx, Path dir, String config, int... ports) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Path conf = Files.writeString(dir.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder(List.of(nginx.toString(), "-p", dir.toString(), "-c", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile())
                .start();
        for (int port : ports) {
            awaitListening(process, dir, port);
        }
        return process;
    }

    /** Stops nginx: asks, then kills it when it has not stopped after 10 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void awaitListening(Process process, Path dir, int port) throws IOException {
        Instant deadline = Instant.now().plus(LISTEN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped at once (exit " + process.exitValue() + "): " + log(dir));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    stop(process);
                    throw new IOException("interrupted while nginx started", ie);
                }
            }
        }
        stop(process);
        throw new IOException(
                "nginx did not listen on 127.0.0.1:" + port + " within " + LISTEN.toSeconds() + " s: " + log(dir));
    }

    private static String log(Path dir) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("console.log", "error.log")) {
            try {
                out.append(Files.readString(dir.resolve("logs").resolve(name)).strip())
                        .append('\n');
            } catch (IOException e) {
                // no such log yet
            }
        }
        return out.toString().strip();
    }
}
