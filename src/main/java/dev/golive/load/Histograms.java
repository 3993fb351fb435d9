package dev.golive.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Histograms of microseconds, and their compact text form for the store. */
public final class Histograms {
    static final int DIGITS = 3;
    private static final long MAX_MICROS = 3_600_000_000L;

    private Histograms() {}

    static Histogram empty() {
        return new Histogram(DIGITS);
    }

    static long clamp(long micros) {
        return Math.min(Math.max(micros, 0), MAX_MICROS);
    }

    /** HdrHistogram's compressed encoding, in Base64. */
    public static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String text) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored histogram cannot be read: " + e.getMessage(), e);
        }
    }
}
