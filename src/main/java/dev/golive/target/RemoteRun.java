package dev.golive.target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/** One command over one exec channel. */
final class RemoteRun {
    // Output still arriving after the exit status (a daemon holding the stream) is waited for this long.
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final Duration OPEN = Duration.ofSeconds(30);

    private RemoteRun() {}

    static Result run(ClientSession session, Endpoint to, Command command, OutputListener listener, long start) {
        OutputSink out = new OutputSink(to.name(), false, listener);
        OutputSink err = new OutputSink(to.name(), true, listener);
        try (ChannelExec channel = session.createExecChannel(command.remoteText())) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(OPEN);
            feed(channel, command.stdin());
            boolean timedOut = !finish(channel, command.timeout());
            if (timedOut) {
                stop(channel);
            }
            out.close();
            err.close();
            return result(to, command, channel, out, err, timedOut, start);
        } catch (IOException | RuntimeException e) {
            throw new TargetException(to.label() + ": running a command failed: " + Failures.reason(e, OPEN), e);
        }
    }

    private static void feed(ChannelExec channel, String stdin) throws IOException {
        // Closing the stream sends EOF, so a command that reads its input ends.
        try (OutputStream in = channel.getInvertedIn()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Waits for the exit status, then briefly for the rest of the output; false on timeout. */
    private static boolean finish(ChannelExec channel, Duration timeout) {
        Set<ClientChannelEvent> events = channel.waitFor(
                EnumSet.of(ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.EXIT_SIGNAL, ClientChannelEvent.CLOSED),
                timeout);
        if (events.contains(ClientChannelEvent.TIMEOUT)) {
            return false;
        }
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LINGER);
        return true;
    }

    /**
     * Stops a command that ran too long. Closing the channel alone would leave it running: sshd only
     * hangs up processes that have a terminal. A signal request reaches the whole process group,
     * except for root logins, where sshd refuses it; the host's own timeout stops those.
     */
    private static void stop(ChannelExec channel) {
        try {
            signal(channel, "TERM");
            if (channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LINGER).contains(ClientChannelEvent.TIMEOUT)) {
                signal(channel, "KILL");
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LINGER);
            }
        } catch (IOException e) {
            // The channel is closed below whatever happened; the result says the command timed out.
        }
        channel.close(true);
    }

    private static void signal(ChannelExec channel, String name) throws IOException {
        Buffer request = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
        request.putUInt(channel.getRecipient());
        request.putString("signal");
        request.putBoolean(false);
        request.putString(name);
        channel.writePacket(request);
    }

    private static Result result(
            Endpoint to,
            Command command,
            ChannelExec channel,
            OutputSink out,
            OutputSink err,
            boolean timedOut,
            long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Integer status = channel.getExitStatus();
        String failure = null;
        if (timedOut) {
            failure = to.label() + ": timed out after " + Failures.seconds(command.timeout())
                    + "; the command was stopped";
        } else if (status == null) {
            String signal = channel.getExitSignal();
            failure = to.label() + ": the command "
                    + (signal == null ? "ended without an exit status" : "was killed by SIG" + signal);
        }
        int exit = status == null ? Result.NO_STATUS : status;
        return new Result(to.name(), exit, out.text(), err.text(), took, timedOut, failure);
    }
}
