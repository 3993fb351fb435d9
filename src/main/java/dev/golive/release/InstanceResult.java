package dev.golive.release;

import java.time.Duration;

/**
 * Where one instance stands after a deploy.
 *
 * @param instance the instance ({@code was/was1})
 * @param outcome what happened to it
 * @param version the release it runs now, as far as golive knows, or null for none
 * @param detail one line: what was done, or what failed and what to do
 * @param duration how long it took
 */
public record InstanceResult(String instance, Outcome outcome, String version, String detail, Duration duration) {
    /** What a deploy did to one instance. */
    public enum Outcome {
        /** The release is installed, started, healthy and smoke-tested. */
        DEPLOYED,
        /** It already ran the release in this deploy (a resumed deploy). */
        ALREADY,
        /** A step failed; the instance was put back on its previous release and is healthy. */
        ROLLED_BACK,
        /** A step failed and the instance could not be put back in order: it needs hands. */
        FAILED,
        /** Refused before the instance was changed: a check, the upload or its digest failed. */
        REFUSED,
        /** Not touched, because the rollout stopped before it. */
        UNTOUCHED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        boolean good() {
            return this == DEPLOYED || this == ALREADY;
        }
    }
}
