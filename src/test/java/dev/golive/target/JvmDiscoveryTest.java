package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JvmDiscoveryTest {
    @Test
    void readsTheVersionAndTheOptionsBeforeTheMainClassLeavingOutClassPaths() {
        String answer = """
                /usr/lib/jvm/java-17-openjdk-amd64/bin/java
                --- version
                openjdk version "17.0.15" 2025-04-15
                OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
                --- cmdline
                /usr/lib/jvm/java-17-openjdk-amd64/bin/java
                -Xmx512m
                --add-opens
                java.base/java.lang=ALL-UNNAMED
                -classpath
                /usr/share/tomcat10/bin/bootstrap.jar:/usr/share/tomcat10/bin/tomcat-juli.jar
                -Dcatalina.base=/srv/was
                org.apache.catalina.startup.Bootstrap
                start
                """;

        JvmInfo jvm = JvmDiscovery.parse(4711, answer);

        assertThat(jvm.pid()).isEqualTo(4711);
        assertThat(jvm.isJava()).isTrue();
        assertThat(jvm.version()).isEqualTo("17.0.15");
        assertThat(jvm.versionLine()).isEqualTo("openjdk version \"17.0.15\" 2025-04-15");
        assertThat(jvm.options())
                .containsExactly("-Xmx512m", "--add-opens java.base/java.lang=ALL-UNNAMED", "-Dcatalina.base=/srv/was");
        assertThat(jvm.main()).isEqualTo("org.apache.catalina.startup.Bootstrap");
    }

    @Test
    void findsTheJarOfAJarLaunchedJvmAndKnowsAProgramThatIsNotJava() {
        JvmInfo jar = JvmDiscovery.parse(
                1, "/opt/jdk/bin/java\n--- version\n--- cmdline\njava\n-Xms1g\n-jar\n/opt/app.jar\n--port=8080\n");
        JvmInfo sleep = JvmDiscovery.parse(2, "/usr/bin/sleep\n--- version\n--- cmdline\nsleep\n300\n");

        assertThat(jar.main()).isEqualTo("/opt/app.jar");
        assertThat(jar.options()).containsExactly("-Xms1g");
        assertThat(jar.version()).isNull();
        assertThat(sleep.isJava()).isFalse();
    }

    @Test
    void anUnexpectedAnswerIsAnErrorQuotingIt() {
        assertThatThrownBy(() -> JvmDiscovery.parse(3, "no such thing"))
                .isInstanceOf(TargetException.class)
                .hasMessage("unexpected answer about process 3: no such thing");
    }
}
