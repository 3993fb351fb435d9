package dev.golive.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.runbook.Runbooks;
import dev.golive.target.SshSettings;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTlsTest {
    @TempDir
    Path dir;

    @Test
    void withACertificateTheDashboardServesHttpsAndItsCookieIsSecure() throws Exception {
        Path keystore = dir.resolve("dashboard.p12");
        Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "golive",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "keystore-secret"))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        try (WarRoom room = WarRoom.open(dir.resolve("plan"))) {
            Runbooks runbooks = new Runbooks(room.plan, room.store, Clock.systemUTC(), SshSettings.forPlan(room.dir));
            try (Dashboard tls = Dashboard.start(
                    room.plan,
                    room.store,
                    runbooks,
                    new Dashboard.Options("127.0.0.1", 0, keystore, "keystore-secret", false),
                    Clock.systemUTC())) {
                assertThat(tls.url()).startsWith("https://127.0.0.1:");
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    trusted.load(in, "keystore-secret".toCharArray());
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
                HttpResponse<String> login = client.send(
                        HttpRequest.newBuilder(URI.create(tls.url() + "login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.body()).contains("name=\"_csrf\"");
                assertThat(login.headers().firstValue("Set-Cookie"))
                        .hasValueSatisfying(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict", "Secure"));
                HttpResponse<String> api = client.send(
                        HttpRequest.newBuilder(URI.create(tls.url() + "api/runbook"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).isEqualTo(401);
            }
        }
    }
}
