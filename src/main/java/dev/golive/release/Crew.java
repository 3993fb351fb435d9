package dev.golive.release;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.Services;
import dev.golive.target.Target;
import java.util.function.BiConsumer;

/** Everything the instances of one deploy are worked on with. */
record Crew(
        Plan plan,
        Environment environment,
        Hosts hosts,
        Services services,
        Store store,
        Ledger ledger,
        ArtifactStore artifacts,
        String actor,
        DeployListener listener,
        BiConsumer<Target, String> afterUpload) {}
