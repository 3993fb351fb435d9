package dev.golive.cli;

/** The {@code golive} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Golive.run(Context.system(), args));
    }
}
