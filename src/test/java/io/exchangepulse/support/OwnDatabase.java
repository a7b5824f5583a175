package io.exchangepulse.support;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;

import java.sql.SQLException;
import java.util.Map;

/**
 * A database of a test's own on the suite's server, migrated to the service's schema, with a reactive pool of two
 * connections: for tests of one repository that choose their own days, far from those the suite's service uses.
 */
public final class OwnDatabase implements AutoCloseable {

    private final Vertx vertx;
    private final Pool pool;

    private OwnDatabase(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /** A new database named {@code prefix} and a unique suffix. */
    public static OwnDatabase migrated(String prefix) throws SQLException {
        String url = PulseServices.newDatabase(prefix + "_" + Long.toHexString(System.nanoTime()));
        Flyway.configure().dataSource("jdbc:" + url, "postgres", "").locations("classpath:db/migration")
                .placeholders(Map.of("center-zone", SuiteClock.CALENDAR.zone().getId())).load().migrate();
        Vertx vertx = Vertx.vertx();
        Pool pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(PgConnectOptions.fromUri(url).setUser("postgres"))
                .using(vertx.getDelegate())
                .build());
        return new OwnDatabase(vertx, pool);
    }

    public Pool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
