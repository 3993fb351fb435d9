package dev.golive.target;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Checks host keys against the known_hosts files, like OpenSSH: a known key passes, a changed key is
 * always refused, an unknown key is refused or, under {@link HostKeyPolicy#ACCEPT_NEW}, written to
 * the plan's known_hosts. A refusal is kept so the connecting code can give its reason; MINA itself
 * only says "server key did not validate".
 */
final class HostKeys implements ServerKeyVerifier, SessionListener {
    /** The endpoint a session was opened for: through a jump host MINA only sees a local port. */
    static final AttributeKey<Endpoint> ENDPOINT = new AttributeKey<>();

    private final KnownHosts known;
    private final HostKeyPolicy policy;
    private final Path userFile;
    private final Map<Endpoint, String> refusals = new ConcurrentHashMap<>();

    HostKeys(SshSettings settings) {
        this.known = new KnownHosts(
                List.of(settings.userKnownHosts(), settings.planKnownHosts()), settings.planKnownHosts());
        this.policy = settings.hostKeys();
        this.userFile = settings.userKnownHosts();
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        Endpoint endpoint = endpoint(session);
        if (endpoint == null) {
            return false;
        }
        String refusal = check(endpoint, key);
        if (refusal != null) {
            refusals.put(endpoint, refusal);
        }
        return refusal == null;
    }

    /** Why the host key of {@code endpoint} was refused, once; null when it was not. */
    String takeRefusal(Endpoint endpoint) {
        return refusals.remove(endpoint);
    }

    // One check at a time: two hosts behind one address must not both add its key.
    synchronized String check(Endpoint endpoint, PublicKey key) {
        List<KnownHosts.Line> lines = known.linesFor(endpoint.hostName(), endpoint.port());
        for (KnownHosts.Line line : lines) {
            if ("@revoked".equals(line.marker()) && KeyUtils.compareKeys(line.key(), key)) {
                return endpoint.label() + ": the host key " + describe(key) + " is marked @revoked in line "
                        + line.number() + " of " + line.file() + "; ask the host's administrator for its new key";
            }
        }
        List<KnownHosts.Line> plain =
                lines.stream().filter(l -> l.marker() == null).toList();
        if (plain.stream().anyMatch(l -> KeyUtils.compareKeys(l.key(), key))) {
            return null;
        }
        if (!plain.isEmpty()) {
            return changed(endpoint, key, sameTypeFirst(plain, KeyUtils.getKeyType(key)));
        }
        if (policy == HostKeyPolicy.ACCEPT_NEW) {
            known.add(endpoint.hostName(), endpoint.port(), key);
            return null;
        }
        return endpoint.label() + ": unknown host key " + describe(key) + "; neither " + userFile + " nor "
                + known.writable() + " lists it. Verify the fingerprint with the host's administrator"
                + " (on the host: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then run again with --accept-new";
    }

    private static KnownHosts.Line sameTypeFirst(List<KnownHosts.Line> lines, String type) {
        return lines.stream().filter(l -> l.keyType().equals(type)).findFirst().orElse(lines.get(0));
    }

    private static String changed(Endpoint endpoint, PublicKey key, KnownHosts.Line line) {
        return endpoint.label() + ": the host key changed: the host shows " + describe(key) + " but line "
                + line.number() + " of " + line.file() + " has " + describe(line.key())
                + ". Someone may be intercepting the connection, or the host was reinstalled."
                + " If the change is expected, remove line " + line.number() + " from " + line.file()
                + " and run again with --accept-new";
    }

    /** {@code ssh-ed25519 SHA256:...}, the fingerprint as OpenSSH prints it. */
    static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }

    /**
     * Asks first for the host key types already known for the host, as OpenSSH does, so a host with
     * several keys shows the one known_hosts has instead of looking changed.
     */
    @Override
    public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
        Endpoint endpoint = endpoint(session);
        String offered = proposal.get(KexProposalOption.SERVERKEYS);
        if (endpoint == null || offered == null) {
            return;
        }
        Set<String> types = known.linesFor(endpoint.hostName(), endpoint.port()).stream()
                .filter(l -> l.marker() == null)
                .map(KnownHosts.Line::keyType)
                .collect(Collectors.toSet());
        if (!types.isEmpty()) {
            proposal.put(KexProposalOption.SERVERKEYS, knownFirst(offered, types));
        }
    }

    private static String knownFirst(String offered, Set<String> types) {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String algorithm : offered.split(",")) {
            (types.contains(KeyUtils.getCanonicalKeyType(algorithm)) ? first : rest).add(algorithm);
        }
        first.addAll(rest);
        return String.join(",", first);
    }

    private static Endpoint endpoint(Session session) {
        return session instanceof ClientSession client && client.getConnectionContext() != null
                ? client.getConnectionContext().getAttribute(ENDPOINT)
                : null;
    }
}
