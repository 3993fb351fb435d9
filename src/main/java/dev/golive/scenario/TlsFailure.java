package dev.golive.scenario;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

/** Why a TLS handshake failed, in words that say what to do about it. */
final class TlsFailure {
    private TlsFailure() {}

    static String describe(Origin origin, Throwable cause) {
        Throwable certificate = certificateProblem(cause);
        if (certificate != null) {
            return "TLS handshake with " + origin + " failed: the server's certificate was not accepted ("
                    + certificate.getMessage() + "); for the self-signed certificate of a test environment, set "
                    + "`insecure: true` on the environment";
        }
        return "TLS handshake with " + origin + " failed: " + rootMessage(cause);
    }

    /** The innermost certificate error of the chain: the most precise one. */
    private static Throwable certificateProblem(Throwable cause) {
        Throwable found = null;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                found = t;
            }
        }
        return found;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
