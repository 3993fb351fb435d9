package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.web.Role;
import dev.golive.web.User;
import dev.golive.web.Users;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "user",
        description = "The people who may use the dashboard, and their roles: viewer, operator, approver, admin.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.Password.class,
            UserCommand.ChangeRole.class,
            UserCommand.Remove.class
        })
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'golive user list'");
    }

    /** What every user command shares: the workspace and the users of its store. */
    abstract static class UserAction implements Runnable {
        final Context context;

        @Mixin
        Workspace workspace;

        UserAction(Context context) {
            this.context = context;
        }

        Users users() {
            Plan plan = workspace.plan(context);
            return new Users(workspace.open(context, plan), Clock.systemDefaultZone());
        }

        @Override
        public void run() {
            try {
                act(users(), workspace.actor(context));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        abstract void act(Users users, String actor);

        /**
         * The password: typed twice without echo on a terminal, else one line of standard input
         * (for scripts: {@code printf '%s\n' "$PW" | golive user add …}). Never an argument, which
         * would land in the shell's history and the process list.
         */
        char[] password() {
            Console console = System.console();
            if (context.terminal() && console != null) {
                char[] first = console.readPassword("Password for the dashboard: ");
                char[] second = console.readPassword("The same again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new UsageException("the two passwords differ; nothing was changed");
                }
                return first;
            }
            try {
                String line = context.in().readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException("give the password on standard input, one line");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "add", description = "Add a user; the password is read without echo, or from standard input.")
    static final class Add extends UserAction {
        @Parameters(paramLabel = "NAME", description = "Their name, as the plan's people: names them.")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "viewer, operator (confirms steps), approver (also gates) or admin (also aborts).")
        String role;

        Add(Context context) {
            super(context);
        }

        @Override
        void act(Users users, String actor) {
            Role r = role(role);
            User u = users.add(name, r, password(), actor);
            context.out().println("Added " + u.name() + " as " + u.role().word() + ".");
        }
    }

    @Command(name = "list", description = "List the users and their roles.")
    static final class ListUsers extends UserAction {
        ListUsers(Context context) {
            super(context);
        }

        @Override
        void act(Users users, String actor) {
            Table t = new Table("user", "role", "added by", "added");
            DateTimeFormatter f =
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
            users.list().forEach(u -> t.row(u.name(), u.role().word(), u.createdBy(), f.format(u.createdAt())));
            if (t.isEmpty()) {
                context.out().println("No dashboard users yet: golive user add NAME --role ROLE");
                return;
            }
            t.print(context.out());
        }
    }

    @Command(name = "password", description = "Set a user's password.")
    static final class Password extends UserAction {
        @Parameters(paramLabel = "NAME")
        String name;

        Password(Context context) {
            super(context);
        }

        @Override
        void act(Users users, String actor) {
            users.password(name, password(), actor);
            context.out().println("Password of " + name + " changed.");
        }
    }

    @Command(name = "role", description = "Give a user another role.")
    static final class ChangeRole extends UserAction {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        ChangeRole(Context context) {
            super(context);
        }

        @Override
        void act(Users users, String actor) {
            Role r = role(role);
            users.role(name, r, actor);
            context.out().println(name + " is now " + r.word() + ".");
        }
    }

    @Command(name = "remove", description = "Remove a user; their sessions end at once.")
    static final class Remove extends UserAction {
        @Parameters(paramLabel = "NAME")
        String name;

        Remove(Context context) {
            super(context);
        }

        @Override
        void act(Users users, String actor) {
            users.remove(name, actor);
            context.out().println("Removed " + name + ".");
        }
    }
}
