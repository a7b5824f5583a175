package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.support.LiveClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /live under hostile clients: another site's page, a flood of messages, an oversized one, odd trend lengths. */
@QuarkusTest
@Tag("component")
class LiveGuardTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL root;

    @Test
    void aPageFromAnotherSiteIsRefusedAtTheUpgrade() {
        assertThatThrownBy(() -> LiveClient.connectFrom(root.getPort(), "https://evil.example"))
                .hasStackTraceContaining("status code 403");
    }

    @Test
    void thePageOfTheServiceItselfIsServed() throws Exception {
        try (LiveClient client = LiveClient.connectFrom(root.getPort(), "http://localhost:" + root.getPort())) {
            assertThat(client.next(WAIT).get("type").asText()).isEqualTo("snapshot");
        }
    }

    @Test
    void aClientThatFloodsIsClosedWithPolicyViolation() throws Exception {
        try (LiveClient client = LiveClient.connect(root.getPort())) {
            client.next(WAIT);
            for (int i = 0; i < 20 && !client.closed().isDone(); i++) {
                client.send("{\"type\": \"resync\"}");
            }
            assertThat(client.closed().get(20, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void anOversizedMessageClosesTheSocket() throws Exception {
        try (LiveClient client = LiveClient.connect(root.getPort())) {
            client.next(WAIT);
            client.send("{\"type\": \"subscribe\", \"views\": [\"" + "x".repeat(10_000) + "\"]}");
            assertThat(client.closed().get(20, TimeUnit.SECONDS)).isNotEqualTo(1000);
        }
    }

    @Test
    void trendLengthsComeFromAFewValuesSoThatViewersShareWork() throws Exception {
        try (LiveClient client = LiveClient.connect(root.getPort())) {
            client.next(WAIT);
            client.send("{\"type\": \"subscribe\", \"minutes\": 120}");
            JsonNode error = client.until(m -> m.get("type").asText().equals("error"), WAIT);
            assertThat(error.get("message").asText()).contains("minutes must be one of [60, 180]");
        }
    }
}
