package io.exchangepulse.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.TestViews;
import io.exchangepulse.live.views.Views;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientMessageTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    final Views views = TestViews.all();

    ClientMessage decode(String json) throws Exception {
        return ClientMessage.decode(MAPPER.readTree(json), views);
    }

    @Test
    void anEmptySubscribeFollowsEverythingWithTheWallsTrends() throws Exception {
        ClientMessage message = decode("{\"type\": \"subscribe\"}");

        assertThat(message).isEqualTo(new ClientMessage.Subscribe(views.wall()));
    }

    @Test
    void aSubscribeNamesViewsTaskForcesAndTrendLengthsInAnyOrder() throws Exception {
        ClientMessage message = decode("{\"type\": \"subscribe\", \"views\": [\"trendMinutes\", \"totals\", \"totals\"], "
                + "\"taskForces\": [\"TERRORISM\", \"DRUGS\"], \"minutes\": 180, \"days\": 90}");

        Subscription subscription = ((ClientMessage.Subscribe) message).subscription();
        assertThat(subscription.views()).containsExactly("totals", "trendMinutes");
        assertThat(subscription.taskForces()).containsExactly(TaskForce.DRUGS, TaskForce.TERRORISM);
        assertThat(subscription.minutes()).isEqualTo(180);
        assertThat(subscription.days()).isEqualTo(90);
    }

    @Test
    void aResyncIsAResync() throws Exception {
        assertThat(decode("{\"type\": \"resync\"}")).isInstanceOf(ClientMessage.Resync.class);
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThatThrownBy(() -> decode("{\"type\": \"gossip\"}")).hasMessageContaining("unknown message type 'gossip'");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"views\": [\"weather\"]}")).hasMessageContaining("unknown view 'weather'");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"taskForces\": [\"PIRACY\"]}"))
                .hasMessageContaining("unknown task force 'PIRACY'");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"minutes\": 120}"))
                .hasMessageContaining("minutes must be one of [60, 180]");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"days\": 0}")).hasMessageContaining("days must be one of [30, 90]");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"days\": \"30\"}")).hasMessageContaining("days must be");
    }
}
