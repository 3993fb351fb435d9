package dev.golive.scenario;

import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.SocketChannel;

/** A Netty channel whose socket a user's thread may write to itself, see {@link Connection}. */
final class SocketAccess extends NioSocketChannel {
    SocketChannel socket() {
        return javaChannel();
    }
}
