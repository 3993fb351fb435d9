package dev.golive.demo;

import java.util.List;

/** The plan of the demo's sample system, as a go-live team would write it. */
final class DemoPlan {
    /** Iterations per second of the demo's peak load test. */
    static final int RATE = 24;

    private DemoPlan() {}

    static String yaml(SampleSystem system, String java, boolean quick) {
        String dir = system.dir().toAbsolutePath().toString();
        String ramp = quick ? "2s" : "5s";
        String hold = quick ? "6s" : "20s";
        return """
                # The demo's sample shop on this machine, loopback addresses standing for hosts: staging with
                # one instance, production with two behind a balancer, a shared database. The shop is
                # deployed as a release, the jar shop.jar. Written by `golive demo`.
                system: demo-shop

                people:
                  maria: [pm]
                  kenji: [architect]
                  olga: [ops]

                environments:
                  staging:
                    entry: "http://%2$s:%3$d"
                    hosts:
                      %4$s: { address: local, loopback: %2$s }
                    services:
                %5$s
                      db: { kind: jdbc, url: "%6$s", user: sa }
                  production:
                    promoteFrom: staging
                    promoteAfter: { smoke: order }
                    entry: "%1$s"
                    hosts:
                      app1: { address: local, loopback: 127.0.0.2 }
                      app2: { address: local, loopback: 127.0.0.3 }
                    services:
                %7$s
                      db: { kind: jdbc, url: "%6$s", user: sa }
                      balancer: { kind: http, url: "%1$s/health" }

                """.formatted(
                                system.entry(),
                                SampleSystem.address(SampleSystem.STAGING),
                                system.shopPort(),
                                SampleSystem.STAGING,
                                shop(system, java, List.of(SampleSystem.STAGING), ""),
                                system.jdbcUrl(),
                                shop(system, java, SampleSystem.PRODUCTION, "smoke: order, "))
                + """
                checks:
                  - { name: products loaded, db: "select count(*) from product", service: db, expect: ">= 10000" }
                  - { name: every shop instance is healthy, health: shop }
                  - { name: the shop answers through the balancer, http: /health, expect: "== 200" }
                  - { name: disk has room for logs, command: "df --output=pcent . | tail -1 | tr -dc 0-9", on: [app1],
                      expect: "< 98" }

                scenarios:
                  order:
                    feed: { file: customers.csv, mode: circular }
                    steps:
                      - transaction: login
                        steps:
                          - { post: /shop/login, form: { id: "${id}", pw: "${pw}" }, redirects: false,
                              expect: { status: 302 } }
                      - transaction: search
                        steps:
                          - { get: "/shop/search?q=${term}", save: { item: "$.items[0].id" },
                              expect: { contains: items } }
                      - { think: 100ms..300ms }
                      - transaction: buy
                        steps:
                          - { post: /shop/cart, json: { item: "${item}" }, expect: { json: { "$.state": added } } }
                          - { post: /shop/order, expect: { status: 201 } }

                loadtests:
                  peak:
                    scenario: order
                    arrivals:
                      - { ramp: 2/s..%1$d/s, over: %2$s }
                      - { hold: %1$d/s, for: %3$s }
                    targets: { p95: 400ms, errors: 1%%, achieved: 95%% }
                    transactions:
                      search: { p95: 150ms }
                    abort:
                      - { errors: 50%%, for: 5s }
                    capture: { on: breach, services: [shop], dumps: 3, every: 1s, histogram: false, after: 3s }

                drills:
                  lose-one-shop:
                    load: { scenario: order, rate: 8/s, timeout: 5s }
                    baseline: 3s
                    fault: { kill: shop, count: 1, for: 5s }
                    verify: 4s
                    expect: { errors: 1%%, recovery: 10s, stable: 2s }

                runbooks:
                  opening:
                    steps:
                      - { id: freeze, owner: pm, duration: 2m, manual: "Announce the code freeze",
                          instructions: "Post 'code freeze until the open' in the project channel." }
                      - { id: ready, after: [freeze], owner: ops, duration: 1m, check: all }
                      - { id: backup, after: [freeze], owner: ops, duration: 3m, title: "Back up the database",
                          command: %4$s, on: [app1] }
                      - { id: go, after: [ready, backup], gate: "Open the shop to the public?",
                          approvers: [pm, architect] }
                      - { id: announce, after: [go], owner: pm, duration: 1m, manual: "Send the opening announcement" }
                    rollback:
                      - { id: close, owner: ops, manual: "Put up the maintenance page" }
                """.formatted(
                                RATE,
                                ramp,
                                hold,
                                yamlString("mkdir -p " + sh(dir + "/backup") + " && cp " + sh(dir + "/db/shop.mv.db")
                                        + " " + sh(dir + "/backup/") + " && echo backed up the database"));
    }

    /**
     * The shop service on {@code hosts}: started from the jar deployed in {@code apps/HOST/}, a
     * configuration file and a PID file per host. {@code more} adds to its {@code deploy:} map.
     */
    private static String shop(SampleSystem system, String java, List<String> hosts, String more) {
        String dir = system.dir().toAbsolutePath().toString();
        String start = sh(java) + " -Xms128m -Xmx128m -XX:+HeapDumpOnOutOfMemoryError -Xlog:gc:file="
                + sh(dir + "/logs/{host}/gc.log") + " -jar " + sh(dir + "/apps/{host}/" + ShopJar.NAME)
                + " --config " + sh(dir + "/run/{host}.properties");
        return """
                      shop:
                        kind: process
                        on: [%1$s]%2$s
                        http: %3$d
                        health: /health
                        start: %4$s
                        pidFile: %5$s
                        logs: %6$s
                        deploy: { path: %7$s, staging: %8$s, %9$stimeout: 60s }""".formatted(
                        String.join(", ", hosts),
                        hosts.size() > 1 ? "\n  survivable: 1" : "",
                        system.shopPort(),
                        yamlString(start),
                        yamlString(dir + "/run/shop-{host}.pid"),
                        yamlString(dir + "/logs/{host}"),
                        yamlString(dir + "/apps/{host}"),
                        yamlString(dir + "/uploads"),
                        more)
                .indent(6)
                .stripTrailing();
    }

    /** A shell word in single quotes. */
    static String sh(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A YAML double-quoted string. */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
