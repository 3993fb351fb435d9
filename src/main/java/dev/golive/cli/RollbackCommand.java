package dev.golive.cli;

import dev.golive.release.LedgerEntry;
import dev.golive.release.Release;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rollback",
        description = {
            "Put an environment back on an earlier release (default: the one before the current one),"
                    + " with the same rolling procedure as a deploy."
        })
final class RollbackCommand implements Runnable {
    private final Context context;

    @Mixin
    Rollout rollout;

    @Option(names = "--to", paramLabel = "V", description = "The release to go back to.")
    String to;

    RollbackCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        int batch = rollout.batch();
        rollout.run(context, "rollback", s -> {
            var instances = s.instances(rollout.service);
            Release release = s.shelf()
                    .release(
                            to != null
                                    ? to
                                    : previous(
                                            s,
                                            instances.stream().map(i -> i.id()).toList()));
            rollout.confirm(context, s, "Roll " + s.environment().name() + " back to " + release.version() + "?");
            return s.deployer().deploy(release, instances, batch, "rollback");
        });
    }

    /** The release the instances ran before their current one, by the ledger. */
    private static String previous(Rollout.Session s, List<String> instances) {
        Map<String, LedgerEntry> current =
                s.shelf().ledger().current(s.environment().name());
        String now = null;
        for (String id : instances) {
            LedgerEntry e = current.get(id);
            if (e != null) {
                now = e.version();
            }
        }
        List<LedgerEntry> ok = s.shelf().ledger().entries(s.environment().name()).stream()
                .filter(LedgerEntry::ok)
                .toList();
        for (int i = ok.size() - 1; i >= 0; i--) {
            if (now != null
                    && !ok.get(i).version().equals(now)
                    && instances.contains(ok.get(i).instance())) {
                return ok.get(i).version();
            }
        }
        throw new UsageException("no earlier release of " + s.environment().name() + " in the ledger to go back to;"
                + " name one with --to");
    }
}
