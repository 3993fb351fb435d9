package dev.golive.target;

import java.time.Instant;

/** A systemd unit's logs in the journal, for units whose plan names no log files. */
record JournalLogs(String unit) implements Logs {
    @Override
    public String tail(int lines) {
        return "journalctl -u " + Shell.quote(unit) + " -n " + lines + " --no-pager -o short-iso\n";
    }

    @Override
    public String errorsSince(Instant since) {
        return "journalctl -u " + Shell.quote(unit) + " --since @" + since.getEpochSecond()
                + " --no-pager -o short-iso | grep -E 'ERROR|SEVERE|Exception' || true\n";
    }

    @Override
    public String clear(String stamp) {
        return "echo "
                + Shell.quote("the journal cannot be cleared for one unit (" + unit
                        + "); name its log files with logs: in the plan")
                + " >&2\nexit 1\n";
    }
}
