package dev.golive.cli;

import dev.golive.release.PromotionCheck;
import dev.golive.release.Release;
import dev.golive.release.Verifications;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deploy",
        description = {
            "Deploy a release, instance by instance: checks, upload, SHA-256 on the host, drain, stop, install,"
                    + " start, health, instance smoke, undrain.",
            "A failure stops the rollout and puts the failed instance back on its previous release.",
            "A release goes to an environment only after it passed the one it is promoted from."
        })
final class DeployCommand implements Runnable {
    private final Context context;

    @Mixin
    Rollout rollout;

    @Parameters(index = "0", arity = "0..1", paramLabel = "V", description = "The release's version.")
    String version;

    @Option(names = "--resume", description = "Finish the deploy of ENV that was interrupted.")
    boolean resume;

    @Option(names = "--force", description = "Deploy although the release did not pass the previous environment.")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "With --force: why.")
    String reason;

    @Option(names = "--approved-by", paramLabel = "NAME", description = "With --force: who approved it.")
    String approvedBy;

    DeployCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (resume == (version != null)) {
            throw new UsageException("give a release's version, or --resume to finish an interrupted deploy");
        }
        if (force && (blank(reason) || blank(approvedBy))) {
            throw new UsageException("--force needs --reason and --approved-by: an override is recorded with both");
        }
        int batch = rollout.batch();
        rollout.run(context, "deploy", s -> {
            if (resume) {
                rollout.confirm(
                        context,
                        s,
                        "Finish the interrupted deploy of " + s.environment().name() + "?");
                return s.deployer().resume();
            }
            Release release = s.shelf().release(version);
            var instances = s.instances(rollout.service);
            Optional<String> overridden = promotion(s, release);
            rollout.confirm(
                    context,
                    s,
                    "Deploy " + release.version() + " to " + s.environment().name() + " ("
                            + String.join(
                                    ", ", instances.stream().map(i -> i.id()).toList()) + ")?");
            overridden.ifPresent(refusal -> forced(s, release, refusal));
            return s.deployer().deploy(release, instances, batch, "deploy");
        });
    }

    /** What the promotion rule said, when --force overrides it; refuses the deploy when nothing does. */
    private Optional<String> promotion(Rollout.Session s, Release release) {
        PromotionCheck check = new PromotionCheck(
                new Verifications(s.shelf().store(), s.shelf().ledger()));
        Optional<String> refusal = check.refusal(release, s.environment());
        if (refusal.isPresent() && !force) {
            throw new CheckFailedException(
                    "refused: " + refusal.get() + "; to override, --force --reason TEXT --approved-by NAME");
        }
        return refusal;
    }

    /** Journals an override once it is confirmed, so that one never used is not on record. */
    private void forced(Rollout.Session s, Release release, String refusal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", s.environment().name());
        data.put("version", release.version());
        data.put("refusal", refusal);
        data.put("reason", reason);
        data.put("approvedBy", approvedBy);
        s.shelf()
                .store()
                .journal()
                .append(
                        null,
                        "deploy.forced",
                        release.version() + " to " + s.environment().name() + ", approved by " + approvedBy,
                        s.actor(),
                        Json.write(data));
        context.out().println("forced: " + refusal + "; approved by " + approvedBy + ": " + reason);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
