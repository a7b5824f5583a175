package io.exchangepulse.operations;

import io.exchangepulse.domain.Party;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations already known, with their parties as opened: who may report their events, and whether they were opened. */
@ApplicationScoped
public class OperationParties {

    /** An operation on the board: its parties, and whether it has been opened (then no OPENED changes it). */
    public record Known(List<Party> parties, boolean opened) {
    }

    @Inject
    Pool pool;

    /** Those of {@code operations} that are on the board; one not there is absent. */
    public Uni<Map<String, Known>> of(Collection<String> operations) {
        if (operations.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT id, countries, opened FROM operation WHERE id = ANY($1)")
                .execute(Tuple.of(operations.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    for (Row row : rows) {
                        String countries = row.getString(1);
                        known.put(row.getString(0), new Known(countries == null || countries.isBlank() ? List.of()
                                : Arrays.stream(countries.split(",")).map(Party::fromCode).flatMap(Optional::stream).toList(),
                                row.getBoolean(2)));
                    }
                    return known;
                });
    }
}
