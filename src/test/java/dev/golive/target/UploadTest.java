package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.plan.Host;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads over SFTP to a real sshd on this machine, so the far side's file can be read back. */
class UploadTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer server;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @TempDir
    Path far;

    @BeforeAll
    static void startServer() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        server = SshServer.start(Files.createDirectories(shared.resolve("sshd")), Path.of(key + ".pub"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Path artifact(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(planDir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Hosts hosts(Host host) {
        return new Hosts(Map.of(host.name(), host), Settings.trusting(home, planDir), OutputListener.NONE);
    }

    @Test
    void uploadsOverSftpReplacesTheOldFileAndReturnsTheVerifiedDigest() throws Exception {
        Path war = artifact("shop.war", 3 * 1024 * 1024 + 17);
        Path remote = Files.writeString(far.resolve("shop.war"), "the old release");

        String digest;
        try (Hosts hosts = hosts(TestHosts.ssh("was1", server.port(), key))) {
            digest = hosts.target("was1").upload(war, remote.toString());
        }

        assertThat(digest).isEqualTo(sha256(war));
        assertThat(Files.readAllBytes(remote)).isEqualTo(Files.readAllBytes(war));
        assertThat(far).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void anUploadIntoAMissingDirectorySaysWhereAndWhatToCheck() throws Exception {
        Path war = artifact("shop.war", 1024);
        String remote = far.resolve("no/such/dir/shop.war").toString();

        try (Hosts hosts = hosts(TestHosts.ssh("was1", server.port(), key))) {
            assertThatThrownBy(() -> hosts.target("was1").upload(war, remote))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith(
                            "was1 (127.0.0.1:" + server.port() + "): uploading " + war + " to " + remote + " failed: ")
                    .hasMessageEndingWith(
                            "check that the directory exists and " + SshServer.user() + " may write to it");
        }
    }

    @Test
    void copiesToALocalHostAndVerifiesTheDigest() throws Exception {
        Path war = artifact("shop.war", 256 * 1024);
        Path remote = Files.writeString(far.resolve("shop.war"), "the old release");

        String digest;
        try (Hosts hosts = hosts(TestHosts.local("here"))) {
            digest = hosts.target("here").upload(war, remote.toString());
        }

        assertThat(digest).isEqualTo(sha256(war));
        assertThat(Files.readAllBytes(remote)).isEqualTo(Files.readAllBytes(war));
        assertThat(far).isDirectoryNotContaining("glob:**.tmp");
    }
}
