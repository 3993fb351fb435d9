package dev.golive.store;

class RunsOnH2Test extends RunsContract {
    @Override
    String storeUrl() {
        return null;
    }
}
