package dev.golive.store;

class DurabilityOnH2Test extends DurabilityContract {
    @Override
    String storeUrl() {
        return null;
    }
}
