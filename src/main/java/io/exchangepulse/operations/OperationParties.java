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

/** The parties of each operation, as opened: who may report its events. */
@ApplicationScoped
public class OperationParties {

    @Inject
    Pool pool;

    /** The parties of those of {@code operations} that are on the board; one not there is absent. */
    public Uni<Map<String, List<Party>>> of(Collection<String> operations) {
        if (operations.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT id, countries FROM operation WHERE id = ANY($1)")
                .execute(Tuple.of(operations.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Party>> parties = new HashMap<>();
                    for (Row row : rows) {
                        String countries = row.getString(1);
                        parties.put(row.getString(0), countries == null || countries.isBlank() ? List.of()
                                : Arrays.stream(countries.split(",")).map(Party::fromCode).flatMap(Optional::stream).toList());
                    }
                    return parties;
                });
    }
}
