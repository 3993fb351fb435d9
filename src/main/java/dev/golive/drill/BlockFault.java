package dev.golive.drill;

import dev.golive.plan.Instance;
import dev.golive.target.Command;
import dev.golive.target.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the traffic to an instance's {@code http:} port with iptables (or nft), as a network cut
 * would: the balancer's connections time out instead of being refused. Needs root, or a {@code
 * sudo:} user that may change the firewall; a host that does not allow it is refused before the
 * drill begins, saying why.
 */
final class BlockFault implements FaultKind {
    private static final Duration QUICK = Duration.ofSeconds(30);

    /** Prints the tool to use, or says on standard error why there is none and exits 1. */
    private static final String PROBE = """
            if command -v iptables > /dev/null 2>&1; then
              if iptables -S INPUT > /dev/null 2>&1; then echo iptables; exit 0; fi
              echo "iptables is installed but may not be used by $(id -un): run as root, or give the host sudo: root" >&2
              exit 1
            fi
            if command -v nft > /dev/null 2>&1; then
              if nft list tables > /dev/null 2>&1; then echo nft; exit 0; fi
              echo "nft is installed but may not be used by $(id -un): run as root, or give the host sudo: root" >&2
              exit 1
            fi
            echo "neither iptables nor nft is installed" >&2
            exit 1
            """;

    private final String tag;

    /** @param tag marks the rules of this drill, so that only they are removed */
    BlockFault(String tag) {
        if (!tag.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a rule tag: " + tag);
        }
        this.tag = tag;
    }

    @Override
    public void check(List<Instance> victims, Tools tools) {
        for (Instance i : victims) {
            tool(i, tools);
        }
    }

    @Override
    public List<RestoreStep> prepare(List<Instance> victims, Tools tools) {
        List<RestoreStep> steps = new ArrayList<>();
        for (Instance i : victims) {
            String tool = tool(i, tools);
            steps.add(new RestoreStep("unblock", i.id(), List.of(), remove(tool, i)));
        }
        return steps;
    }

    @Override
    public List<Done> apply(List<RestoreStep> steps, Tools tools) {
        List<Done> out = new ArrayList<>();
        for (RestoreStep s : steps) {
            Instance i = tools.instance(s.instance());
            String tool = s.undo().startsWith("nft") ? "nft" : "iptables";
            Result r = run(i, tools, add(tool, i));
            String what = "block: traffic to " + i.host().serviceAddress() + ":" + port(i) + " dropped with " + tool;
            out.add(new Done(s.instance(), r.ok(), r.ok() ? what : "block: " + r.summary()));
        }
        return out;
    }

    /** Removes the rule; running it twice does no harm. */
    static Done restore(RestoreStep s, Tools tools) {
        Instance i = tools.instance(s.instance());
        Result r = run(i, tools, s.undo());
        return new Done(s.instance(), r.ok(), r.ok() ? "unblocked" : "unblocking failed: " + r.summary());
    }

    private static String tool(Instance i, Tools tools) {
        if (port(i) == null) {
            throw new DrillException("cannot block " + i.id() + ": service "
                    + i.service().name() + " has no http: port in the plan, so there is no traffic to drop");
        }
        Result r = run(i, tools, PROBE);
        if (!r.ok()) {
            String why = r.stderr().isBlank() ? r.summary() : r.stderr().strip();
            throw new DrillException(
                    "cannot block " + i.id() + " on " + i.host().name() + ": " + why
                            + "; choose another fault (hang stops the instance instead of its traffic)");
        }
        return r.stdout().strip();
    }

    private String add(String tool, Instance i) {
        if (tool.equals("nft")) {
            return "nft add table inet golive_drill\n"
                    + "nft add chain inet golive_drill input '{ type filter hook input priority -10; }'\n"
                    + "nft add rule inet golive_drill input " + match(i, "nft") + " drop comment '\"" + tag + "\"'\n";
        }
        return "iptables -I INPUT " + match(i, tool) + " -m comment --comment " + tag + " -j DROP\n";
    }

    private String remove(String tool, Instance i) {
        if (tool.equals("nft")) {
            return "nft -a list chain inet golive_drill input 2> /dev/null | grep -F '" + tag
                    + "' | sed 's/.*# handle //' | while read h; do nft delete rule inet golive_drill input handle $h;"
                    + " done\n";
        }
        String rule = "INPUT " + match(i, tool) + " -m comment --comment " + tag + " -j DROP";
        return "while iptables -C " + rule + " 2> /dev/null; do iptables -D " + rule + " || exit 1; done\n";
    }

    /** The instance's port; on a local host standing for several, only its own address. */
    private static String match(Instance i, String tool) {
        String address = i.host().isLocal() ? i.host().serviceAddress() : null;
        if (tool.equals("nft")) {
            return (address == null ? "" : "ip daddr " + address + " ") + "tcp dport " + port(i);
        }
        return "-p tcp" + (address == null ? "" : " -d " + address) + " --dport " + port(i);
    }

    private static Integer port(Instance i) {
        return i.service().httpPort();
    }

    private static Result run(Instance i, Tools tools, String script) {
        return tools.hosts().target(i.host()).run(Command.of(script).withTimeout(QUICK));
    }
}
