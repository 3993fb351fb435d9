package dev.golive.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", description = "Rehearse a whole go-live on this machine with a sample shop.")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("golive demo is coming: the sample shop and the rehearsed go-live are not built yet.\n"
                + "Meanwhile, look at a realistic plan: golive plan show -f examples/shop/golive.yaml");
    }
}
