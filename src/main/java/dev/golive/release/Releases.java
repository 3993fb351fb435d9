package dev.golive.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The releases of the store: which artifacts make each version. A version, once added, always
 * means the same bytes.
 */
public final class Releases {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Store store;
    private final ArtifactStore artifacts;
    private final Clock clock;

    public Releases(Store store, ArtifactStore artifacts, Clock clock) {
        this.store = store;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    public ArtifactStore artifacts() {
        return artifacts;
    }

    /**
     * Adds the files under {@code version}. Adding the same files again changes nothing.
     *
     * @throws ReleaseException when the version already holds other files or other bytes
     */
    public Release add(String version, List<Path> files, String notes, String actor) {
        Release.checkVersion(version);
        if (files.isEmpty()) {
            throw new ReleaseException("a release needs at least one file");
        }
        List<Artifact> added = new ArrayList<>();
        for (Path file : files) {
            Artifact a = artifacts.put(file);
            if (added.stream().anyMatch(b -> b.name().equals(a.name()))) {
                throw new ReleaseException("two files are named " + a.name() + "; a release holds each name once");
            }
            added.add(a);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Release release = new Release(version, notes, added, actor, now);
        return store.transaction("add release " + version, c -> {
            Optional<Release> existing = select(c, version);
            if (existing.isPresent()) {
                return same(existing.get(), release);
            }
            insert(c, release);
            store.journal().append(c, null, "release.added", "release " + version, actor, json(data(release)));
            return release;
        });
    }

    private static Release same(Release existing, Release wanted) {
        if (!existing.digests().equals(wanted.digests())) {
            throw new ReleaseException("release " + existing.version() + " already exists with other bytes: "
                    + describe(existing) + ", not " + describe(wanted) + "; a version is immutable,"
                    + " add the new build under a new version");
        }
        return existing;
    }

    private static String describe(Release r) {
        List<String> parts = new ArrayList<>();
        r.artifacts().forEach(a -> parts.add(a.name() + " " + a.shortDigest()));
        return String.join(", ", parts);
    }

    public Optional<Release> find(String version) {
        return store.transaction("find release " + version, c -> select(c, version));
    }

    /** The release, or a {@link ReleaseException} listing the known versions. */
    public Release get(String version) {
        return find(version).orElseThrow(() -> {
            List<String> known = list().stream().map(Release::version).toList();
            return new ReleaseException("no release '" + version + "' in the store"
                    + (known.isEmpty() ? "; add one with golive release add" : "; the releases are " + known));
        });
    }

    /** Every release, oldest first. */
    public List<Release> list() {
        return store.transaction("list releases", c -> {
            List<Release> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM releases ORDER BY created_at, version");
                    ResultSet rows = s.executeQuery()) {
                List<String> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
                for (String v : versions) {
                    select(c, v).ifPresent(out::add);
                }
            }
            return out;
        });
    }

    /** The versions holding an artifact called {@code name} with these bytes. */
    public List<String> versionsWith(String name, String sha256) {
        return store.transaction("find releases by digest", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT version FROM release_artifacts WHERE name = ? AND sha256 = ? ORDER BY version")) {
                s.setString(1, name);
                s.setString(2, sha256);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        out.add(rows.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static void insert(Connection c, Release r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO releases (version, notes, created_by, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, r.version());
            s.setString(2, r.notes());
            s.setString(3, r.createdBy());
            s.setObject(4, r.createdAt().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO release_artifacts (version, name, sha256, bytes) VALUES (?, ?, ?, ?)")) {
            for (Artifact a : r.artifacts()) {
                s.setString(1, r.version());
                s.setString(2, a.name());
                s.setString(3, a.sha256());
                s.setLong(4, a.bytes());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Optional<Release> select(Connection c, String version) throws SQLException {
        String notes;
        String by;
        Instant at;
        try (PreparedStatement s =
                c.prepareStatement("SELECT notes, created_by, created_at FROM releases WHERE version = ?")) {
            s.setString(1, version);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                notes = rows.getString(1);
                by = rows.getString(2);
                at = rows.getObject(3, OffsetDateTime.class).toInstant();
            }
        }
        List<Artifact> artifacts = new ArrayList<>();
        // By name, so a release reads the same from H2 and from PostgreSQL.
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, sha256, bytes FROM release_artifacts WHERE version = ? ORDER BY name")) {
            s.setString(1, version);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    artifacts.add(new Artifact(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        return Optional.of(new Release(version, notes, artifacts, by, at));
    }

    private static Map<String, Object> data(Release r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", r.version());
        out.put("notes", r.notes());
        out.put("artifacts", r.artifacts().stream().map(Releases::data).toList());
        return out;
    }

    static Map<String, Object> data(Artifact a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", a.name());
        out.put("sha256", a.sha256());
        out.put("bytes", a.bytes());
        return out;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
