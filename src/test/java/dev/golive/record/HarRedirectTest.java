package dev.golive.record;

import static dev.golive.record.Recordings.imported;
import static dev.golive.record.Recordings.load;
import static dev.golive.record.Recordings.requests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarRedirectTest {
    @TempDir
    Path dir;

    @Test
    void followedHopsBecomePartOfTheFirstRequestWhichExpectsTheLastStatus() {
        Imported imported = imported("redirects.har");
        Step.Request oldCart = requests(load(dir, imported)).getFirst();

        assertThat(oldCart.url()).isEqualTo("/shop/old-cart");
        assertThat(oldCart.redirects()).isTrue();
        assertThat(oldCart.expect().status()).containsExactly(200);
        assertThat(imported.summary().followed()).isEqualTo(2);
    }

    @Test
    void aRedirectTheRecordingDidNotFollowIsWrittenWithoutFollowing() {
        Step.Request banner = requests(load(dir, imported("redirects.har"))).get(1);

        assertThat(banner.url()).isEqualTo("/shop/banner");
        assertThat(banner.redirects()).as("its hop is a static image, dropped").isFalse();
        assertThat(banner.expect().status()).containsExactly(302);
    }

    @Test
    void aFormPostRedirectedToAPageIsOneStep() {
        List<Step.Request> steps = requests(load(dir, imported("shop-checkout.har")));

        assertThat(steps).extracting(Step.Request::url).doesNotContain("/shop/home");
        assertThat(steps.get(1).method()).isEqualTo("POST");
        assertThat(steps.get(1).redirects()).isTrue();
        assertThat(steps.get(1).expect().status()).containsExactly(200);
    }
}
