package dev.golive.check;

import dev.golive.plan.Check;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** {@code tcp: HOST:PORT}: the port accepts a connection within the timeout. */
final class TcpProbe implements Probe {
    @Override
    public List<CheckResult> run(Check check) {
        long start = System.nanoTime();
        String target = check.target();
        int colon = target.lastIndexOf(':');
        if (colon < 1) {
            return List.of(Probe.red(check, target, "expected HOST:PORT", start));
        }
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1).strip());
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(host, port), (int) check.timeout().toMillis());
            return List.of(new CheckResult(check.name(), target, true, "port open", Probe.since(start)));
        } catch (IOException e) {
            return List.of(Probe.red(check, target, "cannot connect: " + e.getMessage(), start));
        }
    }
}
