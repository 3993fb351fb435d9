package dev.golive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.store.JournalQuery;
import dev.golive.store.Store;
import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's users in a team store on a real PostgreSQL. */
@ExtendWith(PostgresServerExtension.class)
class UsersOnPostgresTest {
    @Test
    void usersLiveInTheTeamStoreWithTheirHashesAndTheJournalSaysWhoChangedThem(PostgresServer postgres) {
        Store store = Store.open(postgres.createDatabase(), null, UnaryOperator.identity());
        Users users = new Users(store, Clock.systemUTC());

        users.add("maria", Role.APPROVER, "maria-password-1".toCharArray(), "root");
        users.add("vic", Role.VIEWER, "vic-password-22".toCharArray(), "root");
        assertThatThrownBy(() -> users.add("maria", Role.ADMIN, "another-password".toCharArray(), "root"))
                .hasMessageContaining("user maria exists already");

        assertThat(users.verify("maria", "maria-password-1".toCharArray()))
                .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.APPROVER));
        assertThat(users.verify("maria", "maria-password-2".toCharArray())).isEmpty();
        assertThat(users.verify("nobody", "maria-password-1".toCharArray())).isEmpty();

        users.role("vic", Role.OPERATOR, "maria");
        users.password("vic", "vic-new-password".toCharArray(), "vic");
        assertThat(users.verify("vic", "vic-new-password".toCharArray()))
                .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.OPERATOR));
        users.remove("vic", "root");
        assertThat(users.list()).extracting(User::name).containsExactly("maria");

        assertThat(store.journal().list(JournalQuery.all()))
                .extracting(e -> e.kind() + " " + e.subject() + " by " + e.actor())
                .containsExactly(
                        "user.added maria by root",
                        "user.added vic by root",
                        "user.role vic by maria",
                        "user.password vic by vic",
                        "user.removed vic by root");
    }
}
