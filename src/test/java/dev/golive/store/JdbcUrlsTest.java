package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void masksThePasswordOfUserInfo() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://ops:s3cret@db:5432/golive"))
                .isEqualTo("jdbc:postgresql://ops:****@db:5432/golive");
    }

    @Test
    void masksAPasswordParameterWhereverItIs() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/golive?password=s3cret&user=ops"))
                .isEqualTo("jdbc:postgresql://db/golive?password=****&user=ops");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/golive?user=ops&Password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/golive?user=ops&Password=****");
    }

    @Test
    void masksAnH2StylePassword() {
        assertThat(JdbcUrls.mask("jdbc:h2:tcp://db/golive;USER=ops;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://db/golive;USER=ops;PASSWORD=****;MODE=PostgreSQL");
    }

    @Test
    void leavesAUrlWithoutPasswordAsItIs() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://ops@db:5432/golive?ssl=true"))
                .isEqualTo("jdbc:postgresql://ops@db:5432/golive?ssl=true");
    }
}
