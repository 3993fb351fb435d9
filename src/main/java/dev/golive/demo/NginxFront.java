package dev.golive.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx in front of the shop, as in production: round robin over the instances, an instance that
 * refuses or drops a connection set aside for a few seconds, and a request that could not reach
 * one tried on the next (nginx never sends a POST twice once it reached an instance). Its own
 * prefix, config, logs and PID file live in the demo's directory; it listens on 127.0.0.1 only.
 */
final class NginxFront implements Front {
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
        StringBuilder servers = new StringBuilder();
        backends.forEach(b -> servers.append("    server ").append(b).append(" max_fails=1 fail_timeout=3s;\n"));
        String conf = Nginx.config(dir, 1024, """
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
        return new NginxFront(Nginx.start(nginx, dir, conf, port), "http://127.0.0.1:" + port);
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
        Nginx.stop(process);
    }
}
