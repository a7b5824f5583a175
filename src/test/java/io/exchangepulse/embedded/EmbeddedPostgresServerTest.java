package io.exchangepulse.embedded;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-command run's PostgreSQL survives the run being killed: the next start needs no clean-up by hand. */
@Tag("component")
class EmbeddedPostgresServerTest {

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndItsDataServedAgainWithFsyncOn() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "killed-run-");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), dir.resolve("postgres").toString())
                .redirectErrorStream(true).start();
        // A failed assertion must not leave the first run behind (it holds a PostgreSQL).
        try (AutoCloseable killed = run::destroyForcibly;
             var output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                assertThat(run.isAlive()).as("the first run starting: " + line).isTrue();
            }
        }
        long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("pgdata").resolve("postmaster.pid")).get(0));

        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed run").contains(true);

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
             var connection = DriverManager.getConnection("jdbc:" + again.reactiveUrl(), EmbeddedPostgresServer.USER, "");
             var rows = connection.createStatement().executeQuery("SELECT note, current_setting('fsync') FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the kill");
            assertThat(rows.getString(2)).isEqualTo("on");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
