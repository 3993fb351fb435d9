package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A private CATALINA_BASE for Debian's Tomcat 10 ({@code /usr/share/tomcat10}): its own
 * conf/server.xml with an HTTP connector on 127.0.0.1 and a free port, a shutdown port, and a tiny
 * webapp {@code app} whose {@code /app/health} answers {@code UP}. The tests start and stop it
 * through golive; {@link #close()} kills whatever is left of it.
 */
public final class TomcatServer implements AutoCloseable {
    public static final Path HOME = Path.of("/usr/share/tomcat10");
    public static final String HEALTH = "/app/health";

    private static final String INSTALL_HINT =
            "Tomcat 10 not found at %s: apt-get install tomcat10 (test.sh installs it)";

    private final Path base;
    private final int httpPort;
    private final int shutdownPort;

    private TomcatServer(Path base, int httpPort, int shutdownPort) {
        this.base = base;
        this.httpPort = httpPort;
        this.shutdownPort = shutdownPort;
    }

    /** A base with the given JVM options (CATALINA_OPTS in its bin/setenv.sh). */
    public static TomcatServer create(Path base, String... jvmOptions) {
        if (!Files.isExecutable(HOME.resolve("bin/catalina.sh"))) {
            throw new AssertionError(String.format(INSTALL_HINT, HOME));
        }
        TomcatServer server = new TomcatServer(base, Ports.free(), Ports.free());
        server.write(List.of(jvmOptions));
        return server;
    }

    public Path base() {
        return base;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path logs() {
        return base.resolve("logs");
    }

    /** Deploys a webapp whose web.xml is not XML: Tomcat logs a SEVERE error with a stack trace. */
    public void addBrokenWebapp() {
        write(base.resolve("webapps/broken/WEB-INF/web.xml"), "<web-app this is not xml");
    }

    /**
     * Deploys a webapp whose listener never returns from {@code contextDestroyed}, as a webapp
     * waiting on a stuck thread does: neither {@code catalina.sh stop} nor TERM ends that Tomcat,
     * only KILL does. The listener is compiled here against Tomcat's servlet API.
     */
    public void addWebappThatHangsOnStop() {
        Path webapp = base.resolve("webapps/hang");
        Path source = webapp.resolve("src/hang/Hang.java");
        write(source, """
                package hang;

                public class Hang implements jakarta.servlet.ServletContextListener {
                    @Override
                    public void contextDestroyed(jakarta.servlet.ServletContextEvent event) {
                        while (true) {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                // keeps hanging, as a stuck webapp does
                            }
                        }
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AssertionError("the tests need a JDK, not a JRE, to compile the hanging webapp");
        }
        Path classes = webapp.resolve("WEB-INF/classes");
        createDirectories(classes);
        int status = compiler.run(
                null,
                null,
                null,
                "--release",
                "17",
                "-cp",
                HOME.resolve("lib/servlet-api.jar").toString(),
                "-d",
                classes.toString(),
                source.toString());
        if (status != 0) {
            throw new IllegalStateException("cannot compile " + source);
        }
        write(webapp.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <listener><listener-class>hang.Hang</listener-class></listener>
                </web-app>
                """);
    }

    /** The PIDs of the JVMs running this base. */
    public List<Long> pids() {
        String marker = "-Dcatalina.base=" + base;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p ->
                            p.info().arguments().stream().flatMap(Stream::of).anyMatch(marker::equals))
                    .map(ProcessHandle::pid)
                    .toList();
        }
    }

    public boolean isRunning() {
        return !pids().isEmpty();
    }

    @Override
    public void close() {
        for (long pid : pids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void write(List<String> jvmOptions) {
        for (String dir : List.of("conf", "logs", "temp", "work", "bin", "webapps/app")) {
            createDirectories(base.resolve(dir));
        }
        copyConf();
        // Scanning every jar for TLDs takes seconds, and the test webapps have no JSPs.
        append(base.resolve("conf/catalina.properties"), "\ntomcat.util.scan.StandardJarScanFilter.jarsToSkip=*.jar\n");
        write(base.resolve("conf/server.xml"), serverXml());
        write(base.resolve("webapps/app/health"), "UP\n");
        write(base.resolve("webapps/app/index.html"), "<html><body>app</body></html>\n");
        Path setenv = base.resolve("bin/setenv.sh");
        write(setenv, "CATALINA_OPTS=\"" + String.join(" ", jvmOptions) + "\"\n");
        try {
            Files.setPosixFilePermissions(setenv, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyConf() {
        try (Stream<Path> files = Files.list(HOME.resolve("etc"))) {
            for (Path file : files.toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + HOME.resolve("etc") + " to " + base, e);
        }
    }

    private String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="%d" shutdown="SHUTDOWN">
                  <Service name="Catalina">
                    <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(shutdownPort, httpPort);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Tomcat in " + base + " on 127.0.0.1:" + httpPort;
    }
}
