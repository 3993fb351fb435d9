package dev.golive.release;

class ReleaseStoreOnH2Test extends ReleaseStoreContract {
    @Override
    String storeUrl() {
        return null;
    }
}
