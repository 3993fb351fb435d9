package dev.golive.store;

class JournalOnH2Test extends JournalContract {
    @Override
    String storeUrl() {
        return null;
    }
}
