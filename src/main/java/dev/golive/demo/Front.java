package dev.golive.demo;

/** What stands in front of the shop's production instances: ours, or nginx where it is installed. */
public interface Front extends AutoCloseable {
    /** Where users reach the shop: {@code http://127.0.0.1:PORT}. */
    String url();

    /** What it is, for the narration. */
    String kind();

    @Override
    void close();
}
