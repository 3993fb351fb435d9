package dev.golive.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.store.StoreConfig;
import dev.golive.testsupport.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases and the deploy ledger, alike on embedded H2 and on PostgreSQL. */
abstract class ReleaseStoreContract {
    @TempDir
    Path planDirectory;

    final TestClock clock = TestClock.at("2026-11-29T21:00:00Z");

    /** The store URL under test, {@code null} for embedded H2. */
    abstract String storeUrl();

    Store open() {
        return Store.open(StoreConfig.of(storeUrl(), planDirectory).withClock(clock));
    }

    Releases releases(Store store) {
        return new Releases(store, new ArtifactStore(planDirectory.resolve("artifacts")), clock);
    }

    Path file(String name, String text) throws Exception {
        return Files.writeString(
                Files.createDirectories(planDirectory.resolve("builds/" + text)).resolve(name), text);
    }

    @Test
    void keepsEachArtifactOnceUnderItsDigestAndRecordsWhoAddedIt() throws Exception {
        Store store = open();
        Releases releases = releases(store);

        Release r =
                releases.add("1.4.2", List.of(file("shop.war", "war"), file("app.conf.tgz", "conf")), "fix", "maria");
        releases.add("1.4.3", List.of(file("shop.war", "war")), null, "kenji");

        assertThat(releases.get("1.4.2")).isEqualTo(r);
        assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("app.conf.tgz", "shop.war");
        // SHA-256 of the three bytes "war", as sha256sum prints it
        assertThat(r.digests().get("shop.war"))
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest("war".getBytes())));
        try (var stored = Files.walk(planDirectory.resolve("artifacts/sha256"))) {
            assertThat(stored.filter(Files::isRegularFile)).hasSize(2);
        }
        assertThat(releases.versionsWith("shop.war", r.digests().get("shop.war")))
                .containsExactly("1.4.2", "1.4.3");
        assertThat(releases.list()).extracting(Release::createdBy).containsExactly("maria", "kenji");
    }

    @Test
    void refusesOtherBytesUnderAVersionButTakesTheSameOnesAgain() throws Exception {
        Releases releases = releases(open());
        releases.add("1.0", List.of(file("shop.war", "one")), null, "maria");

        Release again = releases.add("1.0", List.of(file("shop.war", "one")), null, "kenji");

        assertThat(again.createdBy()).isEqualTo("maria");
        assertThatThrownBy(() -> releases.add("1.0", List.of(file("shop.war", "two")), null, "kenji"))
                .isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("release 1.0 already exists with other bytes: shop.war ")
                .hasMessageEndingWith("a version is immutable, add the new build under a new version");
        assertThatThrownBy(() -> releases.get("9.9"))
                .hasMessage("no release '9.9' in the store; the releases are [1.0]");
    }

    @Test
    void theLedgerKeepsEachInstanceWithWhoWhenDigestsResultAndDuration() throws Exception {
        Store store = open();
        Release r = releases(store).add("1.0", List.of(file("shop.war", "one")), null, "maria");
        Ledger ledger = new Ledger(store, clock);
        Run run = store.runs().start("deploy", "1.0", "staging", "maria", (c, x) -> ledger.claim(c, "staging", x.id()));

        long id = ledger.begin(run.id(), "staging", "was/was1", "deploy", r, null, "maria");
        clock.advance(Duration.ofSeconds(42));
        ledger.end(id, LedgerEntry.OK, "healthy");
        ledger.begin(run.id(), "staging", "was/was2", "deploy", r, null, "maria");

        List<LedgerEntry> entries = ledger.entries("staging");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).duration()).isEqualTo(Duration.ofSeconds(42));
        assertThat(entries.get(0).digests()).isEqualTo(r.digests());
        assertThat(entries.get(0).startedAt().atOffset(ZoneOffset.UTC).toString())
                .isEqualTo("2026-11-29T21:00Z");
        assertThat(entries.get(1).open()).isTrue();
        assertThat(ledger.current("staging")).containsOnlyKeys("was/was1");
        assertThat(ledger.active("staging")).contains(run.id());
        assertThatThrownBy(() -> store.runs()
                        .start("deploy", "1.0", "staging", "kenji", (c, x) -> ledger.claim(c, "staging", x.id())))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("deploy " + run.id() + " holds staging");
        assertThat(ledger.entries("production")).isEmpty();
    }

    @Test
    void figuresCountDeploysFailuresRollbacksAndTheTimeToRestore() throws Exception {
        Store store = open();
        Releases releases = releases(store);
        Release one = releases.add("1.0", List.of(file("shop.war", "one")), null, "maria");
        Release two = releases.add("2.0", List.of(file("shop.war", "two")), null, "maria");
        Ledger ledger = new Ledger(store, clock);
        deploy(store, ledger, one, "deploy", LedgerEntry.OK);
        deploy(store, ledger, two, "deploy", LedgerEntry.ROLLED_BACK);
        clock.advance(Duration.ofMinutes(10));
        deploy(store, ledger, one, "rollback", LedgerEntry.OK);

        Figures f = Figures.of(ledger.entries(null), ZoneOffset.UTC);

        assertThat(f.deploys()).isEqualTo(3);
        assertThat(f.failed()).isEqualTo(1);
        assertThat(f.rollbacks()).isEqualTo(2);
        assertThat(f.restores()).containsExactly(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(f.deploysPerDay()).containsEntry(java.time.LocalDate.of(2026, 11, 29), 3);
    }

    private void deploy(Store store, Ledger ledger, Release r, String action, String result) {
        Run run = store.runs().start(action, r.version(), "staging", "maria");
        long id = ledger.begin(run.id(), "staging", "was/was1", action, r, null, "maria");
        clock.advance(Duration.ofSeconds(1));
        ledger.end(id, result, "");
        store.runs().end(run.id(), result, "maria");
    }
}
