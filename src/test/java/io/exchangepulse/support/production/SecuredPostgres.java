package io.exchangepulse.support.production;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A real PostgreSQL server set up as the cluster's CloudNativePG one is: its certificate signed by the suite's
 * authority for {@code localhost} only, the application's user signing in with a password (SCRAM) and only over
 * TLS. The test's own door is the superuser without a password, from this machine, as an operator's is.
 */
public final class SecuredPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private SecuredPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** With a database {@code database} that {@code user} owns, as CloudNativePG's bootstrap makes it. */
    public static SecuredPostgres start(Path dir, CertificateAuthority authority, String database, String user,
            String password) throws Exception {
        var certificate = authority.issue("postgres", "localhost");
        dir = Files.createDirectories(dir).toAbsolutePath();
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "hostssl all " + user + " 127.0.0.1/32 scram-sha-256",
                "hostssl all " + user + " ::1/128 scram-sha-256",
                ""));
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.certificate().toString())
                .setServerConfig("ssl_key_file", certificate.key().toString())
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "")) {
            connection.createStatement().execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
            connection.createStatement().execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
        }
        return new SecuredPostgres(postgres);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
