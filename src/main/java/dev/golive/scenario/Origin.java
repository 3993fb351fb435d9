package dev.golive.scenario;

import java.net.URI;

/** Scheme, host and port: what a connection is opened to. */
record Origin(boolean tls, String host, int port) {
    static Origin of(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new StepFailure("cannot request " + uri + ": only http and https URLs are supported");
        }
        if (uri.getHost() == null) {
            throw new StepFailure("cannot request " + uri + ": the URL has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new Origin(tls, uri.getHost(), port);
    }

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + host + ":" + port;
    }
}
