package dev.golive.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Two real Tomcat 10 instances of one service {@code shop}, on hosts {@code was1} (127.0.0.1)
 * and {@code was2} (127.0.0.2) reached over one real OpenSSH server listening on both; a plan
 * with a {@code staging} environment for them and a {@code production} promoted from it, whose
 * own Tomcat runs on host {@code prod1} (127.0.0.1, another port); and tiny WARs built here. Each
 * staging instance drains and undrains by appending to a file; its next undrain can be made to
 * fail once ({@link #failNextUndrain}).
 */
public final class DeployFixture implements AutoCloseable {
    private final Path dir;
    private final SshServer sshd;
    private final TomcatServer one;
    private final TomcatServer two;
    private final TomcatServer production;
    private final Path plan;

    private DeployFixture(
            Path dir, SshServer sshd, TomcatServer one, TomcatServer two, TomcatServer production, Path plan) {
        this.dir = dir;
        this.sshd = sshd;
        this.one = one;
        this.two = two;
        this.production = production;
        this.plan = plan;
    }

    public static DeployFixture create(Path dir) throws IOException {
        Path key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        SshServer sshd = SshServer.start(
                Files.createDirectories(dir.resolve("sshd")),
                List.of(Path.of(key + ".pub")),
                List.of("ListenAddress 127.0.0.2"));
        TomcatServer one = TomcatServer.create(dir.resolve("tomcat-was1"), "-Xmx128m");
        TomcatServer two = TomcatServer.create(dir.resolve("tomcat-was2"), "-Xmx128m");
        TomcatServer production = TomcatServer.create(dir.resolve("tomcat-prod1"), "-Xmx128m");
        // One service has one HTTP port: the second Tomcat takes the first one's port on 127.0.0.2.
        Path serverXml = two.base().resolve("conf/server.xml");
        Files.writeString(
                serverXml,
                Files.readString(serverXml)
                        .replace(
                                "port=\"" + two.httpPort() + "\" address=\"127.0.0.1\"",
                                "port=\"" + one.httpPort() + "\" address=\"127.0.0.2\""));
        Files.createDirectories(dir.resolve("staging"));
        Path plan =
                Files.writeString(Files.createDirectories(dir.resolve("plan")).resolve("golive.yaml"), """
                system: shop
                environments:
                  staging:
                    hosts:
                      was1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was2: { address: 127.0.0.2, port: %1$d, key: %2$s }
                    services:
                      shop:
                        kind: tomcat
                        on: [was1, was2]
                        home: %3$s
                        base: %4$s/tomcat-{host}
                        http: %5$d
                        health: /shop/health
                        deploy:
                          context: shop
                          staging: %4$s/staging
                          drain: "echo drain >> %4$s/drains-{host}"
                          undrain: "if [ -e %4$s/undrain-fails-{host} ]; then rm %4$s/undrain-fails-{host}; false;
                            else echo undrain >> %4$s/drains-{host}; fi"
                          smoke: instance
                          timeout: 60s
                  production:
                    promoteFrom: staging
                    promoteAfter: { smoke: instance }
                    hosts:
                      prod1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                    services:
                      shop: { kind: tomcat, on: [prod1], home: %3$s, base: "%4$s/tomcat-{host}", http: %6$d,
                              health: /shop/health, deploy: { context: shop, staging: %4$s/staging } }
                scenarios:
                  instance:
                    steps:
                      - { get: /shop/index.html, expect: { status: 200, contains: shop } }
                """.formatted(
                                sshd.port(), key, TomcatServer.HOME, dir, one.httpPort(), production.httpPort()));
        return new DeployFixture(dir, sshd, one, two, production, plan);
    }

    public Path plan() {
        return plan;
    }

    public Path dir() {
        return dir;
    }

    public int httpPort() {
        return one.httpPort();
    }

    /** The HTTP port of production's own Tomcat, on 127.0.0.1. */
    public int productionPort() {
        return production.httpPort();
    }

    /** The environment for golive: HOME in the test's directory. */
    public Map<String, String> env() {
        try {
            return Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The installed WAR of the instance on {@code host}. */
    public Path war(String host) {
        return dir.resolve("tomcat-" + host).resolve("webapps/shop.war");
    }

    /** What the instance on {@code host} drained and undrained, one word a line. */
    public List<String> drains(String host) throws IOException {
        Path file = dir.resolve("drains-" + host);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Makes the next undrain of the staging instance on {@code host} fail, once. */
    public void failNextUndrain(String host) throws IOException {
        Files.writeString(dir.resolve("undrain-fails-" + host), "");
    }

    /**
     * A WAR of version {@code version}: {@code index.html} names it, {@code health} answers UP;
     * a broken one has no health resource, so its health check answers 404.
     */
    public Path buildWar(String version, boolean healthy) throws IOException {
        Path war = Files.createDirectories(dir.resolve("builds/" + version)).resolve("shop.war");
        try (OutputStream file = Files.newOutputStream(war);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, "index.html", "<html><body>shop " + version + "</body></html>\n");
            if (healthy) {
                entry(zip, "health", "UP\n");
            }
        }
        return war;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // A fixed time makes the same version build to the same bytes.
        entry.setTimeLocal(java.time.LocalDateTime.of(2026, 11, 29, 21, 0));
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Override
    public void close() {
        one.close();
        two.close();
        production.close();
        sshd.close();
    }
}
