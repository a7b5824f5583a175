package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written delta is JSON with the fields of the protocol, whatever the viewer's seq. */
class DeltaFrameTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:00:00.250Z");
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eachViewerGetsTheSameFieldsWithItsOwnSeq() throws Exception {
        DeltaFrame frame = DeltaFrame.of(NOW, null, NOW.minusMillis(40).toEpochMilli(), "{\"totals\":{\"today\":\"5 \\\"x\\\"\"}}");

        JsonNode first = mapper.readTree(frame.withSeq(7));
        JsonNode second = mapper.readTree(frame.withSeq(12345678901L));

        assertThat(first.get("type").asText()).isEqualTo("delta");
        assertThat(first.get("seq").asLong()).isEqualTo(7);
        assertThat(second.get("seq").asLong()).isEqualTo(12345678901L);
        assertThat(first.get("serverTime").asText()).isEqualTo("2026-11-28T09:00:00.250Z");
        assertThat(first.get("newestIngestedAt").asText()).isEqualTo("2026-11-28T09:00:00.210Z");
        assertThat(first.get("changes").get("totals").get("today").asText()).isEqualTo("5 \"x\"");
        assertThat(first.has("countingDelay")).isFalse();
        assertThat(frame.isUnchanged()).isFalse();
    }

    @Test
    void countingBehindIsToldAndNoEventYetIsNull() throws Exception {
        JsonNode delta = mapper.readTree(DeltaFrame.of(NOW, 125L, 0, "{}").withSeq(1));

        assertThat(delta.get("countingDelay").asLong()).isEqualTo(125);
        assertThat(delta.get("newestIngestedAt").isNull()).isTrue();
    }
}
