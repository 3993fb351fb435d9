package dev.golive.target;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.agent.local.ChannelAgentForwardingFactory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * ssh-agent through {@code SSH_AUTH_SOCK}. MINA's own agent client needs Tomcat's native APR
 * library; the JDK has spoken Unix domain sockets since Java 16, so golive talks the (small) agent
 * protocol itself: one connection per request.
 */
final class AgentSocket implements SshAgentFactory {
    private final Path socket;

    AgentSocket(Path socket) {
        this.socket = socket;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        // MINA insists on a factory for agent forwarding; golive never asks hosts to forward.
        return List.of(ChannelAgentForwardingFactory.OPENSSH);
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) {
        return new Client(socket);
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("golive does not forward its agent");
    }

    private static final class Client extends AbstractAgentProxy {
        private static final int LONGEST_ANSWER = 256 * 1024;
        private final Path socket;

        Client(Path socket) {
            super(null);
            this.socket = socket;
        }

        @Override
        public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
            try {
                return super.getIdentities();
            } catch (IOException e) {
                // A stale SSH_AUTH_SOCK is common (a closed terminal); the key files may still work.
                return List.of();
            }
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        protected Buffer request(Buffer buffer) throws IOException {
            int end = buffer.wpos();
            buffer.wpos(0);
            buffer.putUInt(end - 4L);
            buffer.wpos(end);
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available()));
                ByteBuffer length = read(channel, 4);
                int size = length.getInt();
                if (size < 0 || size > LONGEST_ANSWER) {
                    throw new IOException("ssh-agent answered with a message of " + size + " bytes");
                }
                return new ByteArrayBuffer(read(channel, size).array());
            }
        }

        private static ByteBuffer read(SocketChannel channel, int size) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(size);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new IOException("ssh-agent closed the connection");
                }
            }
            return bytes.flip();
        }
    }
}
