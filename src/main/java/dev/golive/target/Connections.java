package dev.golive.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The SSH sessions of one run: one per endpoint, opened when first needed, kept for the commands
 * after it, closed together at the end. A host behind a jump host is reached through a local port
 * forwarded over the jump host's (shared) session.
 */
final class Connections implements AutoCloseable {
    /** A session, and the forwarding it travels through when it has a jump host. */
    private record Link(ClientSession session, ExplicitPortForwardingTracker tunnel) {}

    private final SshSettings settings;
    private final SshClient client;
    private final HostKeys hostKeys;
    private final KeyFiles keyFiles;
    private final Map<Endpoint, Link> links = new ConcurrentHashMap<>();
    private final Map<Endpoint, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final List<Link> opened = Collections.synchronizedList(new ArrayList<>());

    Connections(SshSettings settings) {
        this.settings = settings;
        this.hostKeys = new HostKeys(settings);
        this.keyFiles = new KeyFiles(settings);
        this.client = client(settings, hostKeys);
        client.start();
    }

    private static SshClient client(SshSettings settings, HostKeys hostKeys) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKeys);
        client.addSessionListener(hostKeys);
        // golive resolves ssh config and keys itself, so MINA must not read the real ~/.ssh.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        if (settings.agentSocket() != null) {
            client.setAgentFactory(new AgentSocket(settings.agentSocket()));
        }
        // Keeps firewalls from dropping a session while a long command prints nothing.
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(30));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        return client;
    }

    /** The open session to {@code endpoint}, connecting (and logging in) when there is none. */
    ClientSession session(Endpoint endpoint) {
        ReentrantLock lock = locks.computeIfAbsent(endpoint, e -> new ReentrantLock());
        lock.lock();
        try {
            Link link = links.get(endpoint);
            if (link != null && link.session().isOpen()) {
                return link.session();
            }
            if (link != null) {
                // The host or the network dropped the session; a new one takes its place.
                closeQuietly(link.tunnel());
            }
            link = connect(endpoint);
            links.put(endpoint, link);
            opened.add(link);
            return link.session();
        } finally {
            lock.unlock();
        }
    }

    private Link connect(Endpoint endpoint) {
        ExplicitPortForwardingTracker tunnel = endpoint.via() == null ? null : tunnel(endpoint);
        InetSocketAddress dial = tunnel == null
                ? new InetSocketAddress(endpoint.hostName(), endpoint.port())
                : tunnel.getBoundAddress().toInetSocketAddress();
        ClientSession session = null;
        try {
            HostConfigEntry entry = new HostConfigEntry("", dial.getHostString(), dial.getPort(), endpoint.user());
            entry.setIdentitiesOnly(true);
            AttributeRepository context = AttributeRepository.ofKeyValuePair(HostKeys.ENDPOINT, endpoint);
            session = client.connect(entry, context, null)
                    .verify(settings.connectTimeout())
                    .getSession();
            KeyFiles.Identities identities = keyFiles.forEndpoint(endpoint);
            session.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(identities.keys()));
            session.auth().verify(settings.connectTimeout());
            return new Link(session, tunnel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            closeQuietly(tunnel);
            throw failure(endpoint, e);
        }
    }

    private ExplicitPortForwardingTracker tunnel(Endpoint endpoint) {
        ClientSession jump;
        try {
            jump = session(endpoint.via());
        } catch (TargetException e) {
            throw new TargetException(endpoint.label() + ": through jump host " + e.getMessage(), e);
        }
        try {
            return jump.createLocalPortForwardingTracker(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(endpoint.hostName(), endpoint.port()));
        } catch (IOException | RuntimeException e) {
            throw new TargetException(
                    endpoint.label() + ": forwarding through jump host "
                            + endpoint.via().label()
                            + " failed: " + Failures.reason(e, settings.connectTimeout())
                            + "; check AllowTcpForwarding on the jump host",
                    e);
        }
    }

    private TargetException failure(Endpoint endpoint, Exception e) {
        if (e instanceof TargetException known) {
            return known;
        }
        String refusal = hostKeys.takeRefusal(endpoint);
        if (refusal != null) {
            return new TargetException(refusal, e);
        }
        String reason = Failures.reason(e, settings.connectTimeout());
        if (reason.equals(Failures.LOGIN_REFUSED)) {
            return new TargetException(loginRefused(endpoint), e);
        }
        return new TargetException(endpoint.label() + ": " + reason, e);
    }

    private String loginRefused(Endpoint endpoint) {
        KeyFiles.Identities identities = keyFiles.forEndpoint(endpoint);
        String tried = identities.files().isEmpty() ? "no key files" : "keys " + identities.files();
        if (settings.agentSocket() != null) {
            tried += " and ssh-agent";
        }
        String skipped =
                identities.skipped().isEmpty() ? "" : " (skipped: " + String.join("; ", identities.skipped()) + ")";
        return endpoint.label() + ": login as " + endpoint.user() + " refused; tried " + tried + skipped
                + ". Add the public key to ~" + endpoint.user() + "/.ssh/authorized_keys on the host,"
                + " or set key: for the host in the plan";
    }

    @Override
    public void close() {
        List<Link> all;
        synchronized (opened) {
            all = new ArrayList<>(opened);
        }
        // Newest first: a session through a jump host closes before the jump host's session.
        Collections.reverse(all);
        for (Link link : all) {
            closeQuietly(link.session());
            closeQuietly(link.tunnel());
        }
        client.stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing at the end of a run: nothing left to tell the user.
        }
    }
}
