package dev.golive.runbook.crash;

class ResumeAfterKillOnH2Test extends ResumeAfterKillContract {
    @Override
    String newStore() {
        return null;
    }

    @Override
    long seed() {
        return 20_260_000L;
    }
}
