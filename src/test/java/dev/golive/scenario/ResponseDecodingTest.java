package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response decoder on bytes as a server may send them, whole and cut into pieces of every
 * size, down to one byte at a time: the socket may hand over any part of a response at once.
 */
class ResponseDecodingTest {
    private static final Outgoing GET = new Outgoing("GET", URI.create("http://shop/x"), List.of(), new byte[0]);
    private static final Outgoing HEAD = new Outgoing("HEAD", URI.create("http://shop/x"), List.of(), new byte[0]);

    /** A connection's decoder fed {@code response} in pieces of {@code piece} bytes. */
    private static final class Wire {
        final ResponseHandler handler = new ResponseHandler(Duration.ofSeconds(5));
        final EmbeddedChannel channel = new EmbeddedChannel(handler);
        final int piece;

        Wire(int piece) {
            this.piece = piece;
        }

        Incoming exchange(Outgoing out, byte[] response) throws Exception {
            handler.expect(out, true);
            // A connection the decoder gave up is closed: nothing more comes in.
            for (int at = 0; at < response.length && channel.isOpen(); at += piece) {
                channel.writeInbound(Unpooled.wrappedBuffer(response, at, Math.min(piece, response.length - at)));
            }
            return handler.await();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes(text));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(bytes(text));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void aBodyByItsLengthThenAnotherResponseOnTheSameConnection(int piece) throws Exception {
        Wire wire = new Wire(piece);

        Incoming first = wire.exchange(
                GET,
                bytes("HTTP/1.1 200 OK\r\nServer: nginx\r\ncontent-LENGTH: 5\r\nSet-Cookie: a=1\r\n"
                        + "Set-Cookie: b=2\r\n\r\nhello"));
        Incoming second = wire.exchange(GET, bytes("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.reason()).isEqualTo("OK");
        assertThat(first.text()).isEqualTo("hello");
        assertThat(first.size()).isEqualTo(5);
        assertThat(first.keepAlive()).isTrue();
        assertThat(first.setsCookies()).isTrue();
        assertThat(first.headers("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(first.header("Content-Length")).contains("5");
        assertThat(first.render(Duration.ofMillis(3)))
                .isEqualTo(
                        "200 OK (3 ms)\nServer: nginx\ncontent-LENGTH: 5\nSet-Cookie: a=1\nSet-Cookie: b=2\n\nhello\n");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100_000})
    void chunksWithExtensionsAndTrailersAreShownAsAWholeBody(int piece) throws Exception {
        Wire wire = new Wire(piece);

        Incoming in = wire.exchange(
                GET,
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\nX-Folded: one\r\n  two\r\n\r\n"
                        + "5;name=x\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"));
        // A stray line end after the last chunk, as some servers send, is not a response.
        Incoming next = wire.exchange(GET, bytes("\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

        assertThat(in.text()).isEqualTo("hello 0123456789");
        assertThat(in.render(Duration.ZERO))
                .isEqualTo("200 OK (0 ms)\nX-Id: 7\nX-Folded: one    two\ncontent-length: 16\n\nhello 0123456789\n");
        assertThat(in.header("x-folded")).contains("one    two");
        assertThat(next.text()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 100_000})
    void gzipAndDeflateAreUndoneAndCountedDecompressed(int piece) throws Exception {
        String text = "a response that compresses well, well, well, well, well, well, well";
        byte[] zipped = gzip(text);
        byte[] deflated = deflate(text);
        Wire wire = new Wire(piece);

        Incoming byLength = wire.exchange(
                GET,
                concat(
                        bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + zipped.length
                                + "\r\n\r\n"),
                        zipped));
        Incoming chunked = wire.exchange(
                GET,
                concat(
                        bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n\r\n"
                                + Integer.toHexString(deflated.length) + "\r\n"),
                        deflated,
                        bytes("\r\n0\r\n\r\n")));

        for (Incoming in : List.of(byLength, chunked)) {
            assertThat(in.text()).isEqualTo(text);
            assertThat(in.size()).isEqualTo(text.length());
            assertThat(in.header("content-encoding")).isEmpty();
        }
        assertThat(byLength.render(Duration.ZERO))
                .startsWith("200 OK (0 ms, gzip on the wire)\nContent-Length: " + text.length() + "\n\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 100_000})
    void headInterimAndEmptyResponsesHaveNoBody(int piece) throws Exception {
        Wire wire = new Wire(piece);

        Incoming head = wire.exchange(HEAD, bytes("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"));
        Incoming continued = wire.exchange(
                GET, bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n"));
        Incoming notModified = wire.exchange(GET, bytes("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"));

        assertThat(head.size()).isZero();
        assertThat(head.header("Content-Length")).contains("1234");
        assertThat(continued.status()).isEqualTo(204);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.keepAlive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100_000})
    void aBodyWithoutLengthEndsWithTheConnection(int piece) throws Exception {
        Wire wire = new Wire(piece);
        wire.handler.expect(GET, true);
        byte[] response = bytes("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
        for (int at = 0; at < response.length; at += piece) {
            wire.channel.writeInbound(Unpooled.wrappedBuffer(response, at, Math.min(piece, response.length - at)));
        }

        wire.channel.close();
        Incoming in = wire.handler.await();

        assertThat(in.text()).isEqualTo("until the end");
        assertThat(in.keepAlive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTP/1.1 abc Broken\r\nContent-Length: zzz\r\n\r\nnonsense",
                "SMTP ready\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: zzz\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n"
            })
    void garbageIsAMalformedResponse(String response) {
        Wire wire = new Wire(100_000);

        assertThatThrownBy(() -> wire.exchange(GET, bytes(response)))
                .isInstanceOf(Errors.HttpFailure.class)
                .hasMessageStartingWith("malformed response: ")
                .satisfies(e -> assertThat(((Errors.HttpFailure) e).kind()).isEqualTo(Errors.MALFORMED));
        assertThat(wire.channel.isOpen()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 3000, 100_000})
    void aHeadOfSomeKilobytesIsReadWholeWithTheBodyBehindIt(int piece) throws Exception {
        Wire wire = new Wire(piece);
        String filler = "x".repeat(5000);

        Incoming in = wire.exchange(
                GET,
                bytes("HTTP/1.1 200 OK\r\nX-Big: " + filler + "\r\nConnection: Upgrade, Close\r\n"
                        + "Content-Length: 4\r\n\r\nbody"));

        assertThat(in.header("x-big")).contains(filler);
        assertThat(in.text()).isEqualTo("body");
        assertThat(in.keepAlive()).as("a token of a list, in any case").isFalse();
    }

    @Test
    void aHeadIsFoundWhereverItStartsAndNotBeforeItHasAllCome() {
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: 1\nSet-Cookie: s=1\r\n\r\n";
        for (int from = 0; from < 17; from++) {
            byte[] bytes = concat(bytes("#".repeat(from)), bytes(head), bytes("ok\n\n"));
            int end = from + head.length();

            ResponseHead read = ResponseHead.read(bytes, from, bytes.length);

            assertThat(read.consumed()).as("from %d", from).isEqualTo(head.length());
            assertThat(read.contentLength()).isEqualTo(2);
            assertThat(read.get("x-a")).isEqualTo("1");
            assertThat(read.setsCookies()).isTrue();
            assertThat(read.chunked()).isFalse();
            for (int to = from; to < end; to++) {
                assertThat(ResponseHead.read(bytes, from, to))
                        .as("from %d to %d", from, to)
                        .isNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 100_000})
    void aHeadThatNeverEndsIsTooLargeNotAWaitForever(int piece) {
        Wire wire = new Wire(piece);
        String huge =
                "HTTP/1.1 200 OK\r\n" + "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(400);

        assertThatThrownBy(() -> wire.exchange(GET, bytes(huge)))
                .isInstanceOf(Errors.HttpFailure.class)
                .satisfies(e -> assertThat(((Errors.HttpFailure) e).kind()).isEqualTo(Errors.TOO_LARGE));
        assertThat(wire.channel.isOpen()).isFalse();
    }
}
