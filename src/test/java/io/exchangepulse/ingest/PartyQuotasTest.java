package io.exchangepulse.ingest;

import io.exchangepulse.domain.Party;
import io.exchangepulse.ingest.PartyQuotas.Quota;
import io.exchangepulse.ingest.PartyQuotas.Use;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quotas on the suite's PostgreSQL, at chosen moments (never the real time): a window fills up and is
 * refused past its limit, a new window starts afresh, a request takes all of its quotas or none, requests
 * side by side never slip past a limit together, and what is given back can be used again.
 */
@QuarkusTest
@Tag("component")
class PartyQuotasTest {

    /** A minute of its own, in a year no other test uses. */
    static final Instant MINUTE = Instant.parse("2031-05-06T07:08:00Z");

    @Inject
    PartyQuotas quotas;

    @Inject
    IngestConfig config;

    Optional<PartyQuotas.Exceeded> take(Party party, Instant at, Use... uses) {
        return quotas.take(party, List.of(uses), at).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aMinuteFillsUpAndIsRefusedUntilTheNextOne() {
        long limit = config.quota().exchangesPerMinute();
        assertThat(take(Party.RO, MINUTE.plusSeconds(1), new Use(Quota.EXCHANGES_PER_MINUTE, limit - 10))).isEmpty();
        assertThat(take(Party.RO, MINUTE.plusSeconds(2), new Use(Quota.EXCHANGES_PER_MINUTE, 10))).isEmpty();

        PartyQuotas.Exceeded exceeded = take(Party.RO, MINUTE.plusSeconds(45), new Use(Quota.EXCHANGES_PER_MINUTE, 1)).orElseThrow();
        assertThat(exceeded.used()).isEqualTo(limit);
        assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofSeconds(15));
        assertThat(exceeded.describe(Party.RO)).isEqualTo("RO has used " + limit + " of its " + limit + " exchanges this minute");

        assertThat(take(Party.BG, MINUTE.plusSeconds(46), new Use(Quota.EXCHANGES_PER_MINUTE, 1))).as("another party").isEmpty();
        assertThat(take(Party.RO, MINUTE.plusSeconds(60), new Use(Quota.EXCHANGES_PER_MINUTE, limit))).as("the next minute").isEmpty();
    }

    @Test
    void aRequestTakesAllItsQuotasOrNone() {
        Instant day = Instant.parse("2031-05-07T10:00:00Z");
        long opened = config.quota().operationsOpenedPerDay();
        assertThat(take(Party.MD, day, new Use(Quota.OPERATION_EVENTS_PER_DAY, 5), new Use(Quota.OPERATIONS_OPENED_PER_DAY, opened + 1)))
                .map(PartyQuotas.Exceeded::quota).contains(Quota.OPERATIONS_OPENED_PER_DAY);
        // Nothing of the refused request was taken: the events' quota is whole.
        long events = config.quota().operationEventsPerDay();
        assertThat(take(Party.MD, day, new Use(Quota.OPERATION_EVENTS_PER_DAY, events))).isEmpty();
    }

    @Test
    void requestsSideBySideNeverSlipPastALimitTogether() {
        Instant minute = Instant.parse("2031-05-08T11:12:00Z");
        long limit = config.quota().exchangesPerMinute();
        long each = limit / 10;
        List<Uni<Optional<PartyQuotas.Exceeded>>> together = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            together.add(quotas.take(Party.SI, List.of(new Use(Quota.EXCHANGES_PER_MINUTE, each)), minute));
        }
        List<Optional<PartyQuotas.Exceeded>> answers = Uni.join().all(together).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertThat(answers.stream().filter(Optional::isEmpty).count()).isEqualTo(limit / each);
    }

    @Test
    void whatIsGivenBackCanBeUsedAgain() {
        Instant minute = Instant.parse("2031-05-09T12:13:00Z");
        long limit = config.quota().exchangesPerMinute();
        List<Use> all = List.of(new Use(Quota.EXCHANGES_PER_MINUTE, limit));
        assertThat(take(Party.HR, minute, all.get(0))).isEmpty();
        quotas.giveBack(Party.HR, all, minute).await().atMost(Duration.ofSeconds(10));
        assertThat(take(Party.HR, minute, all.get(0))).isEmpty();
    }
}
