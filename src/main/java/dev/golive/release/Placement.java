package dev.golive.release;

/**
 * Where one artifact goes on one instance.
 *
 * @param artifact the artifact
 * @param staged where it is uploaded to and verified, before it is installed
 * @param target where it is installed
 * @param expanded a directory the server unpacked the previous file into (Tomcat's
 *     {@code webapps/<context>/}), removed with it; or null
 */
record Placement(Artifact artifact, String staged, String target, String expanded) {
    /** The file the previous release's artifact is kept in, for a rollback. */
    String kept() {
        return target + ".golive-previous";
    }
}
