package dev.golive.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The append-only record of everything golive did and everyone who did it. Each entry is
 * committed on its own before {@link #append} returns; entries are never changed or removed.
 */
public final class Journal {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INSERT =
            "INSERT INTO journal (at, run_id, kind, subject, actor, data) VALUES (?, ?, ?, ?, ?, ?)";
    private static final int LONGEST_RUN_ID = 40;
    private static final int LONGEST_KIND = 100;
    private static final int LONGEST_SUBJECT = 1000;
    private static final int LONGEST_ACTOR = 100;
    private static final int LONGEST_DATA = 1_000_000;

    private final Store store;
    private final UnaryOperator<String> masker;
    private final Clock clock;

    Journal(Store store, UnaryOperator<String> masker, Clock clock) {
        this.store = store;
        this.masker = masker;
        this.clock = clock;
    }

    /**
     * Records one entry. Subject and data are masked first.
     *
     * @param runId the run it belongs to, or {@code null}
     * @param data a JSON object, or {@code null} for {@code {}}
     * @return the entry's sequence number
     */
    public long append(String runId, String kind, String subject, String actor, String data) {
        Entry entry = checked(runId, kind, subject, actor, data);
        return store.transaction("append journal entry " + kind, connection -> insert(connection, entry));
    }

    /**
     * Records one entry inside the caller's {@link Store#transaction}, so that it is committed
     * together with the caller's own changes, or not at all.
     */
    public long append(Connection connection, String runId, String kind, String subject, String actor, String data)
            throws SQLException {
        return insert(connection, checked(runId, kind, subject, actor, data));
    }

    /** The sequence number of the newest entry, 0 when the journal is empty. */
    public long last() {
        return store.transaction("read the end of the journal", connection -> {
            try (var select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
                    var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The matching entries, oldest first. */
    public List<JournalEntry> list(JournalQuery query) {
        JournalSelect select = new JournalSelect(query);
        return store.transaction("list the journal", select::run);
    }

    /** The matching entries, oldest first, read inside the caller's {@link Store#transaction}. */
    public List<JournalEntry> list(Connection connection, JournalQuery query) throws SQLException {
        return new JournalSelect(query).run(connection);
    }

    private Entry checked(String runId, String kind, String subject, String actor, String data) {
        Texts.require(kind, "journal kind", LONGEST_KIND);
        Texts.require(actor, "journal actor", LONGEST_ACTOR);
        Texts.atMost(runId, "run id", LONGEST_RUN_ID);
        String maskedSubject =
                Texts.atMost(subject == null ? null : masker.apply(subject), "journal subject", LONGEST_SUBJECT);
        String maskedData = jsonObject(data == null ? "{}" : masker.apply(data));
        return new Entry(runId, kind, maskedSubject, actor, maskedData);
    }

    /** An entry that is masked and checked, ready to insert. */
    private record Entry(String runId, String kind, String subject, String actor, String data) {}

    private long insert(Connection connection, Entry e) throws SQLException {
        return insert(connection, e.runId(), e.kind(), e.subject(), e.actor(), e.data());
    }

    /** Inserts an entry that is already masked and checked, inside the caller's transaction. */
    long insert(Connection connection, String runId, String kind, String subject, String actor, String data)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"seq"})) {
            insert.setObject(1, now().atOffset(ZoneOffset.UTC));
            insert.setString(2, runId);
            insert.setString(3, kind);
            insert.setString(4, subject);
            insert.setString(5, actor);
            insert.setString(6, data);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    // Both databases keep microseconds; cutting here makes what is listed equal what was written.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // Only the masked text is ever quoted: the raw text may hold the very secret masking removed.
    private static String jsonObject(String masked) {
        if (masked.length() > LONGEST_DATA) {
            throw new IllegalArgumentException("journal data is " + masked.length() + " characters long, at most "
                    + LONGEST_DATA + " are allowed");
        }
        try {
            JsonNode node = JSON.readTree(masked);
            if (node != null && node.isObject()) {
                return masked;
            }
        } catch (JacksonException e) {
            // reported below with the text itself
        }
        throw new IllegalArgumentException("journal data must be a JSON object, was: " + Texts.abbreviate(masked));
    }
}
