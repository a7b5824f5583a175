package io.exchangepulse.embedded;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * A one-command run's database side, in a JVM of its own that a test kills: starts the embedded PostgreSQL
 * on a folder, writes a row, says so, and waits to be killed.
 */
public final class KilledRun {

    private KilledRun() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (var connection = DriverManager.getConnection("jdbc:" + server.reactiveUrl(), EmbeddedPostgresServer.USER, "")) {
            connection.createStatement().execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the kill')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
