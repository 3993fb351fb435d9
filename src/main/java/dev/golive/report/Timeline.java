package dev.golive.report;

import dev.golive.runbook.RunView;
import dev.golive.runbook.StepView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The Gantt chart of a run as inline SVG: a planned bar and an actual bar per step. */
final class Timeline {
    private static final int LABEL = 180;
    private static final int WIDTH = 1000;
    private static final int ROW = 26;
    private static final int TOP = 24;

    private final RunView run;
    private final ZoneId zone;
    private final Instant now;
    private final Instant from;
    private final Instant to;

    Timeline(RunView run, ZoneId zone, Instant now) {
        this.run = run;
        this.zone = zone;
        this.now = now;
        List<Instant> times = new ArrayList<>();
        for (StepView s : run.steps()) {
            addIfPresent(times, s.plannedStart(), s.plannedEnd(), s.actualStart(), s.actualEnd());
        }
        times.add(run.startedAt());
        this.from = times.stream().min(Instant::compareTo).orElse(now);
        Instant last = times.stream().max(Instant::compareTo).orElse(now);
        this.to = last.equals(from) ? from.plusSeconds(60) : last;
    }

    String svg() {
        int height = TOP + ROW * run.steps().size() + 10;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 "
                + (LABEL + WIDTH + 50) + " " + height + "\" role=\"img\" aria-label=\"timeline\">");
        ticks(b, height);
        int y = TOP;
        for (StepView s : run.steps()) {
            row(b, s, y);
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    private void row(StringBuilder b, StepView s, int y) {
        b.append("<text x=\"4\" y=\"")
                .append(y + 16)
                .append("\" font-size=\"12\"")
                .append(s.critical() ? " font-weight=\"bold\"" : "")
                .append(">")
                .append(Html.escape((s.rollback() ? "↩ " : "") + s.id()))
                .append("</text>");
        bar(b, s.plannedStart(), s.plannedEnd(), y + 3, 8, "#d0d7de", "planned " + s.id());
        Instant end = s.actualEnd() != null ? s.actualEnd() : (s.actualStart() != null ? now : null);
        bar(
                b,
                s.actualStart(),
                end,
                y + 12,
                10,
                colour(s),
                s.id() + ": " + s.status().word());
    }

    private void bar(StringBuilder b, Instant start, Instant end, int y, int h, String colour, String title) {
        if (start == null) {
            return;
        }
        double x1 = x(start);
        double x2 = Math.max(x(end == null ? start : end), x1 + 3);
        b.append(String.format(
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" rx=\"2\"><title>%s</title></rect>",
                x1, y, x2 - x1, h, colour, Html.escape(title)));
    }

    private void ticks(StringBuilder b, int height) {
        Duration span = Duration.between(from, to);
        long step = Math.max(60, span.toSeconds() / 8 / 60 * 60);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("HH:mm");
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(step)) {
            double x = x(t);
            b.append(String.format(
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", x, TOP - 4, x, height));
            b.append(String.format(
                    "<text x=\"%.1f\" y=\"14\" font-size=\"11\" fill=\"#555\">%s</text>",
                    x, fmt.format(t.atZone(zone))));
        }
    }

    private double x(Instant t) {
        double total = Math.max(1, Duration.between(from, to).toMillis());
        return LABEL + WIDTH * Duration.between(from, t).toMillis() / total;
    }

    private static String colour(StepView s) {
        return switch (s.status()) {
            case DONE -> "#2da44e";
            case FAILED, REJECTED, IN_DOUBT -> "#cf222e";
            case SKIPPED, CANCELLED -> "#8c959f";
            default -> "#0969da";
        };
    }

    private static void addIfPresent(List<Instant> list, Instant... times) {
        for (Instant t : times) {
            if (t != null) {
                list.add(t);
            }
        }
    }
}
