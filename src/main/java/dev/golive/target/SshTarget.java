package dev.golive.target;

import dev.golive.plan.Host;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;

/** A host reached over SSH. */
final class SshTarget implements Target {
    private final Host host;
    private final Routes routes;
    private final Connections connections;
    private final OutputListener listener;
    private Endpoint endpoint;

    SshTarget(Host host, Routes routes, Connections connections, OutputListener listener) {
        this.host = host;
        this.routes = routes;
        this.connections = connections;
        this.listener = listener;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Result run(Command command) {
        return exec(command.forHost(host));
    }

    /** Runs exactly {@code command}, without the host's sudo. */
    Result exec(Command command) {
        long start = System.nanoTime();
        try {
            Endpoint to = endpoint();
            return RemoteRun.run(connections.session(to), to, command, listener, start);
        } catch (TargetException e) {
            return Result.failed(host.name(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public String upload(Path local, String remotePath) {
        String digest = Digests.sha256(local);
        Endpoint to = endpoint();
        ClientSession session = connections.session(to);
        String temporary = remotePath + ".golive-" + UUID.randomUUID() + ".tmp";
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            copy(sftp, local, temporary);
            rename(sftp, temporary, remotePath);
        } catch (IOException | RuntimeException e) {
            removeQuietly(session, temporary);
            throw new TargetException(
                    to.label() + ": uploading " + local + " to " + remotePath + " failed: " + e.getMessage()
                            + "; check that the directory exists and " + to.user() + " may write to it",
                    e);
        }
        Digests.verify(this::exec, to.label(), remotePath, digest);
        return digest;
    }

    private static void copy(SftpClient sftp, Path local, String remote) throws IOException {
        try (InputStream in = Files.newInputStream(local);
                OutputStream out = sftp.write(remote)) {
            in.transferTo(out);
        }
    }

    /** Replaces the old file in one step where the server can (OpenSSH's posix-rename). */
    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix.isSupported()) {
            posix.posixRename(from, to);
        } else {
            sftp.rename(from, to, SftpClient.CopyMode.Overwrite);
        }
    }

    private static void removeQuietly(ClientSession session, String path) {
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            sftp.remove(path);
        } catch (IOException | RuntimeException e) {
            // The temporary file may never have been created; the upload error says what matters.
        }
    }

    private synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = routes.resolve(host);
        }
        return endpoint;
    }
}
