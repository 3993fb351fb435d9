package dev.golive.release;

import dev.golive.plan.Deployment;
import dev.golive.plan.Instance;
import dev.golive.plan.Service;
import dev.golive.plan.ServiceKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a release's artifacts go on one instance, and the shell scripts that install them,
 * keep the previous ones, put those back, and hash what is installed. For Tomcat a WAR goes into
 * webapps as {@code <context>.war}; every other artifact goes into the service's {@code
 * deploy.path}.
 */
final class Installation {
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.#-]*");

    private final List<Placement> placements;

    private Installation(List<Placement> placements) {
        this.placements = List.copyOf(placements);
    }

    /**
     * @throws ReleaseException when the plan does not say where an artifact goes
     */
    static Installation of(Instance instance, Release release) {
        Service service = instance.service().forHost(instance.host().name());
        Deployment d = service.deployment();
        long wars = release.artifacts().stream().filter(Artifact::isWar).count();
        List<Placement> out = new ArrayList<>();
        for (Artifact a : release.artifacts()) {
            // Named for the instance too: instances deployed at once may share a staging directory.
            String staged = d.staging() + "/golive-" + a.shortDigest() + "-" + service.name() + "-"
                    + instance.host().name() + "-" + a.name();
            if (service.kind() == ServiceKind.TOMCAT && a.isWar()) {
                String context = wars == 1 && d.context() != null
                        ? d.context()
                        : a.name().replaceFirst("\\.war$", "");
                if (!CONTEXT.matcher(context).matches()) {
                    throw new ReleaseException("bad Tomcat context '" + context + "' for " + instance.id()
                            + ": use letters, digits, '_', '.', '#' and '-'");
                }
                String webapps = webapps(service);
                out.add(new Placement(a, staged, webapps + "/" + context + ".war", webapps + "/" + context));
            } else if (d.path() != null) {
                out.add(new Placement(a, staged, d.path() + "/" + a.name(), null));
            } else {
                throw new ReleaseException(a.name() + " of release " + release.version() + " has nowhere to go on "
                        + instance.id() + ": give the service a deploy.path in the plan"
                        + (service.kind() == ServiceKind.TOMCAT ? " (WARs go into webapps by themselves)" : ""));
            }
        }
        return new Installation(out);
    }

    private static String webapps(Service tomcat) {
        String home = tomcat.setting("home").orElseThrow();
        return tomcat.setting("webapps").orElse(tomcat.setting("base").orElse(home) + "/webapps");
    }

    List<Placement> placements() {
        return placements;
    }

    /** The directories the upload and the install write to: their free space is checked first. */
    List<String> directories() {
        Set<String> out = new LinkedHashSet<>();
        for (Placement p : placements) {
            out.add(parent(p.staged()));
            out.add(parent(p.target()));
        }
        return List.copyOf(out);
    }

    /** Prints the free kilobytes of each of {@link #directories()}, one per line. */
    String freeSpace() {
        StringBuilder s = new StringBuilder();
        for (String dir : directories()) {
            s.append("df -Pk -- ").append(Sh.quote(dir)).append(" | awk 'NR==2 {print $4}'\n");
        }
        return s.toString();
    }

    /** Prints {@code sha256 path} for each staged file. */
    String hashStaged() {
        return hash(placements.stream().map(Placement::staged).toList());
    }

    /** Prints {@code sha256 path} for each installed file, and {@code missing path} for those that are not there. */
    String hashInstalled() {
        return hash(placements.stream().map(Placement::target).toList());
    }

    private static String hash(List<String> files) {
        StringBuilder s = new StringBuilder();
        for (String f : files) {
            String q = Sh.quote(f);
            s.append("if [ -f ").append(q).append(" ]; then sha256sum -- ").append(q);
            s.append("; else echo missing ").append(q).append("; fi\n");
        }
        return s.toString();
    }

    /**
     * Puts the staged files in place. A different file already there is kept for the rollback;
     * the same bytes (a deploy done again) leave the kept one as it is. Each file is copied beside
     * its place and renamed, so the server never sees half a file.
     */
    String install() {
        StringBuilder s = new StringBuilder("set -e\n");
        for (Placement p : placements) {
            String t = Sh.quote(p.target());
            String next = Sh.quote(p.target() + ".golive-new");
            s.append("if [ -f ")
                    .append(t)
                    .append(" ] && [ \"$(sha256sum < ")
                    .append(t)
                    .append(" | cut -d' ' -f1)\" != ");
            s.append(Sh.quote(p.artifact().sha256()))
                    .append(" ]; then mv -f -- ")
                    .append(t)
                    .append(' ');
            s.append(Sh.quote(p.kept())).append("; fi\n");
            if (p.expanded() != null) {
                s.append("rm -rf -- ").append(Sh.quote(p.expanded())).append('\n');
            }
            s.append("cp -- ")
                    .append(Sh.quote(p.staged()))
                    .append(' ')
                    .append(next)
                    .append('\n');
            s.append("mv -f -- ").append(next).append(' ').append(t).append('\n');
            s.append("rm -f -- ").append(Sh.quote(p.staged())).append('\n');
        }
        return s.toString();
    }

    /**
     * Puts back the files of the release the instance ran before, whose digests by file name are
     * {@code previous} (empty when it is not known). A file that already has its previous bytes
     * stays: a deploy of the same bytes again, or one that failed before its install, must not
     * bring back the older file kept beside it. Otherwise the kept file goes back, and a file
     * that had no predecessor is removed.
     */
    String restore(Map<String, String> previous) {
        StringBuilder s = new StringBuilder("set -e\n");
        for (Placement p : placements) {
            String t = Sh.quote(p.target());
            String kept = Sh.quote(p.kept());
            String before = previous.get(p.artifact().name());
            if (before != null) {
                s.append("if [ -f ")
                        .append(t)
                        .append(" ] && [ \"$(sha256sum < ")
                        .append(t)
                        .append(" | cut -d' ' -f1)\" = ")
                        .append(Sh.quote(before))
                        .append(" ]; then :; el");
            }
            s.append("if [ -f ")
                    .append(kept)
                    .append(" ]; then mv -f -- ")
                    .append(kept)
                    .append(' ')
                    .append(t);
            s.append("; else rm -f -- ").append(t).append("; fi\n");
            if (p.expanded() != null) {
                s.append("rm -rf -- ").append(Sh.quote(p.expanded())).append('\n');
            }
        }
        return s.toString();
    }

    /** Removes staged files left over from a refused upload. */
    String removeStaged() {
        StringBuilder s = new StringBuilder();
        placements.forEach(
                p -> s.append("rm -f -- ").append(Sh.quote(p.staged())).append('\n'));
        return s.toString();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
