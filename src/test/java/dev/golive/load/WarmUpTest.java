package dev.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    private static final String GET = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void aWarmUpSendsRequestsThroughTheEngineToItsOwnServerWithoutErrors() throws IOException {
        WarmUp.Done done = WarmUp.run(Duration.ofMillis(500));

        assertThat(done.requests()).isPositive();
        assertThat(done.errors()).isZero();
        assertThat(done.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWarmUpIsALongRoundWithASecondsEndAndTwoShortOnesThatStartAgain() {
        assertThat(WarmUp.rounds(Duration.ofSeconds(2)))
                .containsExactly(Duration.ofMillis(1200), Duration.ofMillis(400), Duration.ofMillis(400));
        assertThat(WarmUp.rounds(Duration.ofMillis(501)))
                .containsExactly(Duration.ofMillis(301), Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void aWarmUpTakesSomeTime() {
        assertThatThrownBy(() -> WarmUp.run(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerListensOnLoopbackOnly() throws IOException {
        try (WarmUpServer server = new WarmUpServer()) {
            assertThat(URI.create(server.url()).getHost()).isIn("127.0.0.1", "[::1]");
        }
    }

    @Test
    void theServerAnswersAHeadThatComesByteByByteOnceItHasEnded() throws IOException {
        try (WarmUpServer server = new WarmUpServer();
                Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            for (byte b : GET.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
            }
            String response = read(socket.getInputStream(), 1);

            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: keep-alive\r\n");
            assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).hasSize(length(response));
        }
    }

    @Test
    void theServerAnswersPipelinedRequestsInOrderOnOneConnection() throws IOException {
        try (WarmUpServer server = new WarmUpServer();
                Socket socket = connect(server)) {
            socket.getOutputStream().write((GET + GET + GET).getBytes(StandardCharsets.US_ASCII));
            String responses = read(socket.getInputStream(), 3);

            assertThat(responses.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        }
    }

    private static Socket connect(WarmUpServer server) throws IOException {
        URI url = URI.create(server.url());
        Socket socket = new Socket(url.getHost(), url.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads {@code count} whole responses. */
    private static String read(InputStream in, int count) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int whole = 0;
        while (whole < count) {
            int b = in.read();
            assertThat(b).as("the connection ended after %s", got).isNotNegative();
            got.write(b);
            String text = got.toString(StandardCharsets.US_ASCII);
            int head = text.lastIndexOf("HTTP/1.1 ");
            int end = text.indexOf("\r\n\r\n", head);
            if (end > 0 && text.length() - end - 4 == length(text.substring(head))) {
                whole++;
            }
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    private static int length(String response) {
        int at = response.indexOf("Content-Length: ") + "Content-Length: ".length();
        return Integer.parseInt(response.substring(at, response.indexOf("\r\n", at)));
    }
}
