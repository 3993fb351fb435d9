package dev.golive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.runbook.StepStatus;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardSecurityTest {
    @TempDir
    Path dir;

    WarRoom room;

    @BeforeEach
    void open() {
        room = WarRoom.open(dir);
    }

    @AfterEach
    void close() {
        room.close();
    }

    @Test
    void noPageApiOrFeedAnswersWithoutASession() {
        String run = room.start("opening", "olga");
        Visitor stranger = new Visitor(room);
        for (String page :
                List.of("/", "/runbook", "/readiness", "/load", "/drills", "/releases", "/diagnostics", "/journal")) {
            HttpResponse<String> r = stranger.get(page);
            assertThat(r.statusCode()).as(page).isIn(302, 303);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue("/login");
            assertThat(r.body()).as(page).doesNotContain("freeze");
        }
        for (String api : List.of(
                "/api/me",
                "/api/runbook",
                "/api/readiness",
                "/api/loads",
                "/api/drills",
                "/api/releases",
                "/api/diagnostics",
                "/api/journal",
                "/events")) {
            HttpResponse<String> r = stranger.get(api);
            assertThat(r.statusCode()).as(api).isEqualTo(401);
            assertThat(r.body()).as(api).doesNotContain("freeze").doesNotContain("maria");
        }
        assertThat(stranger.get("/reports/" + run).statusCode()).isEqualTo(303);
        assertThat(stranger.get("/assets/dashboard.js").statusCode()).isEqualTo(401);
        HttpResponse<String> act = stranger.post("/api/runbook/" + run + "/steps/freeze/confirm", Map.of());
        assertThat(act.statusCode()).isEqualTo(401);
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().status())
                .isEqualTo(StepStatus.READY);
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsRefusedAlikeAndJournaled() {
        Visitor v = new Visitor(room);
        HttpResponse<String> wrong = v.login("maria", "not-her-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong name or password.");
        HttpResponse<String> unknown = v.login("mallory", "whatever-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("Wrong name or password.");
        assertThat(v.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(kinds("dashboard.login-refused"))
                .extracting(JournalEntry::subject)
                .containsExactly("maria", "mallory");
    }

    @Test
    void afterFiveWrongPasswordsANameMustWaitEvenWithTheRightOne() {
        for (int i = 0; i < Attempts.MOST; i++) {
            assertThat(new Visitor(room).login("kenji", "guess-" + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> right = new Visitor(room).login("kenji");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Too many wrong passwords for kenji");
        assertThat(new Visitor(room).login("maria").statusCode())
                .as("other names are not affected")
                .isEqualTo(303);
    }

    @Test
    void everyChangeNeedsTheSessionsCsrfToken() {
        String run = room.start("opening", "olga");
        Visitor maria = new Visitor(room);
        assertThat(maria.login("maria").statusCode()).isEqualTo(303);
        String path = "/api/runbook/" + run + "/steps/freeze/confirm";

        HttpResponse<String> none = maria.post(path, Map.of());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("CSRF");
        HttpResponse<String> forged = maria.post(path, Map.of(), Map.of(Dashboard.CSRF_HEADER, "forged-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        Visitor other = new Visitor(room);
        other.login("ana");
        HttpResponse<String> someoneElses = maria.post(path, Map.of(), Map.of(Dashboard.CSRF_HEADER, other.csrf));
        assertThat(someoneElses.statusCode()).as("another session's token").isEqualTo(403);
        HttpResponse<String> crossSite =
                maria.post(path, Map.of(), Map.of(Dashboard.CSRF_HEADER, maria.csrf, "Origin", "https://evil.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("another origin");
        HttpResponse<String> logoutWithout = maria.post("/logout", Map.of());
        assertThat(logoutWithout.statusCode()).isEqualTo(403);
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().status())
                .isEqualTo(StepStatus.READY);

        HttpResponse<String> ok = maria.act(path);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().status())
                .isEqualTo(StepStatus.DONE);
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().actor()).isEqualTo("maria");
    }

    @Test
    void theLoginFormItselfNeedsItsTokenAndTheSessionIsNewAfterLogin() {
        Visitor v = new Visitor(room);
        v.get("/login");
        String before = v.sessionCookie();
        HttpResponse<String> noToken = v.post("/login", Map.of("name", "maria", "password", "maria-password-1"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(v.get("/api/me").statusCode()).isEqualTo(401);

        assertThat(v.login("maria").statusCode()).isEqualTo(303);
        assertThat(v.sessionCookie()).isNotEqualTo(before);
        assertThat(v.get("/api/me").body()).contains("\"name\":\"maria\"", "\"role\":\"approver\"");
        HttpResponse<String> page = v.get("/runbook");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> out = v.post("/logout", Map.of("_csrf", v.csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(v.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(kinds("dashboard.login")).extracting(JournalEntry::actor).containsExactly("maria");
        assertThat(kinds("dashboard.logout")).extracting(JournalEntry::actor).containsExactly("maria");
    }

    @Test
    void aViewerCannotActAndAnOperatorCannotApprove() {
        String run = room.start("opening", "olga");
        Visitor vic = new Visitor(room);
        vic.login("vic");
        HttpResponse<String> confirm = vic.act("/api/runbook/" + run + "/steps/freeze/confirm");
        assertThat(confirm.statusCode()).isEqualTo(403);
        assertThat(confirm.body()).contains("vic is a viewer and may not confirm a step");
        assertThat(vic.act("/api/runbook/" + run + "/abort", Map.of("reason", "no"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().status())
                .isEqualTo(StepStatus.READY);
        assertThat(vic.get("/api/runbook").statusCode()).isEqualTo(200);

        Visitor olga = new Visitor(room);
        olga.login("olga");
        assertThat(olga.act("/api/runbook/" + run + "/abort", Map.of("reason", "no"))
                        .statusCode())
                .as("only an admin aborts")
                .isEqualTo(403);
        assertThat(olga.act("/api/runbook/" + run + "/steps/freeze/confirm").statusCode())
                .isEqualTo(200);
        assertThat(olga.act("/api/runbook/" + run + "/steps/backup/confirm").statusCode())
                .isEqualTo(200);
        HttpResponse<String> approve = olga.act("/api/runbook/" + run + "/steps/go/approve");
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(approve.body()).contains("olga is a operator and may not approve a gate");
        assertThat(room.runbooks.view(run).step("go").orElseThrow().approvals()).isEmpty();

        Visitor root = new Visitor(room);
        root.login("root");
        assertThat(root.act("/api/runbook/" + run + "/abort").statusCode())
                .as("an abort needs a reason")
                .isEqualTo(409);
        HttpResponse<String> abort = root.act("/api/runbook/" + run + "/abort", Map.of("reason", "the DBA is ill"));
        assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);
        assertThat(room.runbooks.view(run).outcome()).isEqualTo("aborted");
        assertThat(room.runbooks.view(run).reason()).isEqualTo("the DBA is ill");
    }

    @Test
    void aUserCannotPassTheirOwnGateAlone() {
        String run = room.start("quick", "maria");
        Visitor maria = new Visitor(room);
        maria.login("maria");
        assertThat(maria.act("/api/runbook/" + run + "/steps/check-dns/confirm").statusCode())
                .isEqualTo(200);
        HttpResponse<String> own = maria.act("/api/runbook/" + run + "/steps/go/approve");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(room.runbooks.view(run).step("go").orElseThrow().status())
                .as("the starter's approval alone does not pass the gate")
                .isEqualTo(StepStatus.READY);
        HttpResponse<String> again = maria.act("/api/runbook/" + run + "/steps/go/approve");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("maria has already approved gate go");

        Visitor ana = new Visitor(room);
        ana.login("ana");
        assertThat(ana.act("/api/runbook/" + run + "/steps/go/approve").statusCode())
                .isEqualTo(200);
        assertThat(room.runbooks.view(run).step("go").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    }

    @Test
    void twoPeopleConfirmingTheSameStepAtOnce_oneWinsTheOtherIsToldWhy() throws Exception {
        String run = room.start("opening", "olga");
        Visitor maria = new Visitor(room);
        maria.login("maria");
        Visitor olga = new Visitor(room);
        olga.login("olga");
        String path = "/api/runbook/" + run + "/steps/freeze/confirm";
        List<Callable<HttpResponse<String>>> both = List.of(() -> maria.act(path), () -> olga.act(path));
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<HttpResponse<String>> f : pool.invokeAll(both)) {
                answers.add(f.get());
            }
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> loser =
                answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        String winner = room.runbooks.view(run).step("freeze").orElseThrow().actor();
        assertThat(winner).isIn("maria", "olga");
        assertThat(loser.body()).contains("freeze").contains("done");
        assertThat(room.store.journal().list(JournalQuery.all().withRunId(run)).stream()
                        .filter(e -> e.kind().equals("step.confirmed")))
                .hasSize(1);
    }

    @Test
    void anOperatorRunsACommandStepFromThePageOnceTheEnvironmentIsTypedBack() {
        String run = room.start("backup", "maria");
        String path = "/api/runbook/" + run + "/steps/dump/run";
        Visitor vic = new Visitor(room);
        vic.login("vic");
        assertThat(vic.act(path, Map.of("environment", "production")).statusCode())
                .isEqualTo(403);
        Visitor olga = new Visitor(room);
        olga.login("olga");
        HttpResponse<String> untyped = olga.act(path);
        assertThat(untyped.statusCode()).isEqualTo(409);
        assertThat(untyped.body()).contains("step dump changes production: the environment's name must be typed back");
        assertThat(olga.act(path, Map.of("environment", "staging")).statusCode())
                .isEqualTo(409);
        assertThat(room.runbooks.view(run).step("dump").orElseThrow().status()).isEqualTo(StepStatus.READY);

        HttpResponse<String> typed = olga.act(path, Map.of("environment", "production"));
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        var step = room.runbooks.view(run).step("dump").orElseThrow();
        assertThat(step.status()).isEqualTo(StepStatus.DONE);
        assertThat(step.evidence()).contains("backed up the database");
        assertThat(kinds("step.intent")).extracting(JournalEntry::actor).containsExactly("olga");
    }

    @Test
    void passwordsAreNeverStoredNorJournaledInClear() throws IOException {
        Visitor v = new Visitor(room);
        v.login("maria");
        new Visitor(room).login("kenji", "maria-password-1");
        new Users(room.store, java.time.Clock.systemUTC()).password("olga", "olga-new-password".toCharArray(), "root");
        room.close();
        List<String> secrets = new ArrayList<>(WarRoom.PASSWORDS.values());
        secrets.add("olga-new-password");
        try (Stream<Path> files = Files.walk(dir.resolve(".golive"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(bytes).as("%s holds a password in clear", f).doesNotContain(secret);
                }
            }
        }
        room = WarRoom.reopen(dir);
        for (JournalEntry e : room.store.journal().list(JournalQuery.all())) {
            for (String secret : secrets) {
                assertThat(e.data() + e.subject()).doesNotContain(secret);
            }
        }
        String hash = room.store.transaction("read a hash", c -> {
            try (var s = c.prepareStatement("SELECT password_hash FROM dashboard_users WHERE name = 'maria'");
                    var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        });
        assertThat(hash).startsWith("$argon2id$");
        assertThat(new Users(room.store, java.time.Clock.systemUTC()).verify("olga", "olga-new-password".toCharArray()))
                .isPresent();
        assertThat(new Users(room.store, java.time.Clock.systemUTC())
                        .verify("olga", "olga-password-4444".toCharArray()))
                .isEmpty();
    }

    @Test
    void aRemovedUsersSessionEndsAtItsNextRequest() {
        Visitor vic = new Visitor(room);
        vic.login("vic");
        assertThat(vic.get("/api/me").statusCode()).isEqualTo(200);
        room.dashboard.users().remove("vic", "root");
        assertThat(vic.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(kinds("user.removed")).extracting(JournalEntry::actor).containsExactly("root");
    }

    @Test
    void plainHttpBeyondLoopbackIsRefusedBeforeAnythingListens() {
        assertThatThrownBy(() -> Dashboard.start(
                        room.plan,
                        room.store,
                        room.runbooks,
                        new Dashboard.Options("0.0.0.0", 0, null, null, false),
                        java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-keystore")
                .hasMessageContaining("--insecure-http");
    }

    private List<JournalEntry> kinds(String kind) {
        return room.store.journal().list(JournalQuery.all().withKind(kind));
    }
}
