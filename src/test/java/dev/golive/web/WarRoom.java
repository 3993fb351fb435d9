package dev.golive.web;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Store;
import dev.golive.store.StoreConfig;
import dev.golive.target.SshSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A dashboard on loopback over a plan of the opening night, with its store in a temporary
 * directory and users of every role. maria and ana are project managers (pm), kenji the
 * architect; maria, ana and kenji approve, olga operates, vic views, root administers.
 */
final class WarRoom implements AutoCloseable {
    static final String PLAN = """
            system: war-room
            people:
              maria: [pm]
              ana: [pm]
              kenji: [architect]
              olga: [ops]
            environments:
              production:
                entry: "%s"
                hosts:
                  app1: { address: local }
            checks:
              - { name: disk has room, command: "echo 42", on: [app1], expect: "< 98" }
            scenarios:
              browse:
                steps:
                  - transaction: search
                    steps:
                      - { get: "/shop/search?q=hat" }
                  - { think: 50ms }
            loadtests:
              steady:
                scenario: browse
                users: 2
                duration: %s
                targets: { errors: 0%%, p95: 2s }
            runbooks:
              opening:
                steps:
                  - { id: freeze, owner: pm, duration: 2m, manual: "Announce the code freeze",
                      instructions: "Post 'code freeze until the open' in the project channel." }
                  - { id: backup, after: [freeze], owner: ops, duration: 3m, manual: "Back up the database" }
                  - { id: go, after: [backup], gate: "Open the shop to the public?", approvers: [pm, architect] }
                  - { id: announce, after: [go], owner: pm, duration: 1m, manual: "Send the opening announcement" }
              backup:
                steps:
                  - { id: dump, owner: ops, duration: 1m, title: "Back up the database",
                      command: "echo backed up the database", on: [app1] }
              quick:
                steps:
                  - { id: check-dns, owner: ops, duration: 1m, manual: "Check the DNS entries" }
                  - { id: go, after: [check-dns], gate: "Go?", approvers: [pm] }
            """;

    static final Map<String, String> PASSWORDS = Map.of(
            "maria", "maria-password-1",
            "ana", "ana-password-22",
            "kenji", "kenji-password-333",
            "olga", "olga-password-4444",
            "vic", "vic-password-55555",
            "root", "root-password-666666");

    final Path dir;
    final Plan plan;
    final Store store;
    final Runbooks runbooks;
    final Dashboard dashboard;

    private WarRoom(Path dir, String entry, String loadDuration) {
        this.dir = dir;
        boolean fresh = entry != null;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fresh) {
            try {
                Files.writeString(dir.resolve("golive.yaml"), PLAN.formatted(entry, loadDuration));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.plan = new PlanLoader(Map.of(), null).load(dir.resolve("golive.yaml"));
        this.store = Store.open(StoreConfig.of(null, dir));
        this.runbooks = new Runbooks(plan, store, Clock.systemDefaultZone(), SshSettings.forPlan(dir));
        Users users = new Users(store, Clock.systemDefaultZone());
        if (fresh) {
            users.add("maria", Role.APPROVER, PASSWORDS.get("maria").toCharArray(), "root");
            users.add("ana", Role.APPROVER, PASSWORDS.get("ana").toCharArray(), "root");
            users.add("kenji", Role.APPROVER, PASSWORDS.get("kenji").toCharArray(), "root");
            users.add("olga", Role.OPERATOR, PASSWORDS.get("olga").toCharArray(), "root");
            users.add("vic", Role.VIEWER, PASSWORDS.get("vic").toCharArray(), "root");
            users.add("root", Role.ADMIN, PASSWORDS.get("root").toCharArray(), "root");
        }
        this.dashboard = Dashboard.start(
                plan,
                store,
                runbooks,
                new Dashboard.Options("127.0.0.1", 0, null, null, false),
                Clock.systemDefaultZone());
    }

    /** The same directory again, its plan already written and its users already added. */
    static WarRoom reopen(Path dir) {
        return new WarRoom(dir, null, null);
    }

    static WarRoom open(Path dir) {
        return new WarRoom(dir, "http://127.0.0.1:9", "2s");
    }

    static WarRoom open(Path dir, String entry, String loadDuration) {
        return new WarRoom(dir, entry, loadDuration);
    }

    String url(String path) {
        return dashboard.url() + path.replaceFirst("^/", "");
    }

    /** Starts a rehearsal of a runbook, as a person would on the command line. */
    String start(String runbook, String actor) {
        return runbooks.start(runbook, "production", actor, new Runbooks.StartOptions(true, false, null))
                .runId();
    }

    @Override
    public void close() {
        dashboard.close();
    }
}
