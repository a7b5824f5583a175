package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.ViewStates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One viewer's sequence and its one message in flight, over a socket whose writes finish when the test says. */
class ViewerTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final ViewStates TODAY = new ViewStates(LocalDate.of(2026, 11, 28), Map.of());

    final TestSocket socket = new TestSocket("v1");
    final List<String> written = socket.written;
    int tickRequests;
    final Viewer viewer = new Viewer(socket, new Subscription(List.of("totals"), List.of(), 60, 30), TestSocket::encode,
            () -> tickRequests++, new TokenBucket(5, Duration.ofSeconds(2), NOW));

    JsonNode message(int index) throws Exception {
        return socket.message(index);
    }

    void finishWriting() {
        socket.finishWriting();
    }

    @Test
    void aNewViewerNeedsASnapshotAndGetsSeqOne() throws Exception {
        assertThat(viewer.needsSnapshot(TODAY)).isTrue();

        viewer.sendSnapshot(TODAY, NOW, 0, null);

        JsonNode snapshot = message(0);
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("seq").asLong()).isEqualTo(1);
        assertThat(snapshot.get("subscription").get("views").get(0).asText()).isEqualTo("totals");
        assertThat(viewer.isWriting()).isTrue();
        finishWriting();
        assertThat(viewer.isWriting()).isFalse();
        assertThat(viewer.needsSnapshot(TODAY)).isFalse();
    }

    @Test
    void aDeltaCarriesItsChangesAsTheyWereEncodedAndTheNextSeq() throws Exception {
        viewer.sendSnapshot(TODAY, NOW, 0, null);
        finishWriting();

        long before = viewer.sendDelta(TODAY, DeltaFrame.of(NOW, null, NOW.toEpochMilli(), "{\"totals\":{\"today\":5}}"), NOW);

        JsonNode delta = message(1);
        assertThat(before).isZero();
        assertThat(delta.get("type").asText()).isEqualTo("delta");
        assertThat(delta.get("seq").asLong()).isEqualTo(2);
        assertThat(delta.get("changes").get("totals").get("today").asLong()).isEqualTo(5);
        assertThat(delta.get("newestIngestedAt").asText()).isEqualTo("2026-11-28T09:00:00Z");
    }

    @Test
    void anErrorWaitsForTheMessageInFlightAndOnlyTheLatestIsSent() throws Exception {
        viewer.sendSnapshot(TODAY, NOW, 0, null);

        viewer.reject("first", NOW);
        viewer.reject("second", NOW);

        assertThat(written).hasSize(1);
        finishWriting();
        assertThat(written).hasSize(2);
        assertThat(message(1).get("type").asText()).isEqualTo("error");
        assertThat(message(1).get("message").asText()).isEqualTo("second");
        assertThat(message(1).get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void aSubscriptionWhileWritingAsksForATickOnceTheWriteIsDone() {
        viewer.sendSnapshot(TODAY, NOW, 0, null);

        viewer.subscribe(new Subscription(List.of("flows"), List.of(), 60, 30));

        assertThat(tickRequests).isZero();
        finishWriting();
        assertThat(tickRequests).isEqualTo(1);
        assertThat(viewer.needsSnapshot(TODAY)).isTrue();
        assertThat(viewer.subscription().views()).containsExactly("flows");
    }

    @Test
    void aNewUtcDayNeedsASnapshot() {
        viewer.sendSnapshot(TODAY, NOW, 0, null);
        finishWriting();

        assertThat(viewer.needsSnapshot(new ViewStates(LocalDate.of(2026, 11, 29), Map.of()))).isTrue();
    }

    @Test
    void aViewerIsIdleAfterTheHeartbeatIntervalAndStuckAfterTheLimit() {
        viewer.sendSnapshot(TODAY, NOW, 0, null);

        assertThat(viewer.idleFor(Duration.ofSeconds(15), NOW.plusSeconds(14))).isFalse();
        assertThat(viewer.idleFor(Duration.ofSeconds(15), NOW.plusSeconds(15))).isTrue();
        assertThat(viewer.stuckLongerThan(Duration.ofSeconds(30), NOW.plusSeconds(30))).isFalse();
        assertThat(viewer.stuckLongerThan(Duration.ofSeconds(30), NOW.plusSeconds(31))).isTrue();
        finishWriting();
        assertThat(viewer.stuckLongerThan(Duration.ofSeconds(30), NOW.plusSeconds(31))).isFalse();
    }

    @Test
    void aViewerIsToldWhenCountingFallsBehindAndWhenItCatchesUpButNotOfEverySecond() throws Exception {
        viewer.sendSnapshot(TODAY, NOW, 0, null);
        finishWriting();

        assertThat(viewer.toldOtherDelay(null)).isFalse();
        assertThat(viewer.toldOtherDelay(45L)).isTrue();
        viewer.sendHeartbeat(NOW, 45L);
        finishWriting();

        assertThat(message(1).get("countingDelay").asLong()).isEqualTo(45);
        assertThat(message(0).has("countingDelay")).isFalse();
        assertThat(viewer.toldOtherDelay(50L)).isFalse();
        assertThat(viewer.toldOtherDelay(125L)).isTrue();
        assertThat(viewer.toldOtherDelay(null)).isTrue();
    }

    @Test
    void aFailedWriteFreesTheViewerForTheNextMessage() {
        viewer.sendSnapshot(TODAY, NOW, 0, null);

        socket.inFlight.remove(0).fail(new IllegalStateException("connection reset"));

        assertThat(viewer.isWriting()).isFalse();
    }
}
