package io.exchangepulse.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.TestViews;
import io.exchangepulse.live.views.Views;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientMessageTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    final Views views = TestViews.all();
    final Sight wall = Sight.of(caller(Role.WALL), views);
    final Sight drugsLeader = Sight.of(caller(Role.TASK_FORCE_LEADER, TaskForce.DRUGS), views);

    static Caller caller(Role role, TaskForce... taskForces) {
        return new Caller(role.claim(), EnumSet.of(role), Optional.<Party>empty(), Optional.empty(),
                taskForces.length == 0 ? EnumSet.noneOf(TaskForce.class) : EnumSet.of(taskForces[0], taskForces));
    }

    ClientMessage decode(String json) throws Exception {
        return decode(json, wall);
    }

    ClientMessage decode(String json, Sight sight) throws Exception {
        return ClientMessage.decode(MAPPER.readTree(json), views, sight);
    }

    @Test
    void anEmptySubscribeFollowsEverythingWithTheWallsTrends() throws Exception {
        ClientMessage message = decode("{\"type\": \"subscribe\"}");

        assertThat(message).isEqualTo(new ClientMessage.Subscribe(
                new Subscription(views.names(), List.of(), Subscription.MINUTES.get(0), Subscription.DAYS.get(0))));
        assertThat(wall.first()).isEqualTo(((ClientMessage.Subscribe) message).subscription());
    }

    @Test
    void aLeadersEmptySubscribeFollowsItsOwnTaskForcesInTheViewsThatHaveThem() throws Exception {
        Subscription subscription = ((ClientMessage.Subscribe) decode("{\"type\": \"subscribe\"}", drugsLeader)).subscription();

        assertThat(subscription.taskForces()).containsExactly(TaskForce.DRUGS);
        assertThat(subscription.views()).isNotEmpty().doesNotContain("yearly", "flows");
        assertThat(subscription).isEqualTo(drugsLeader.first());
    }

    @Test
    void aLeaderAskingForAnotherTaskForceOrAWholeCenterViewIsRefused() {
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"taskForces\": [\"DRUGS\", \"TERRORISM\"]}", drugsLeader))
                .hasMessageContaining("task force 'TERRORISM' is not yours to see");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"views\": [\"flows\"]}", drugsLeader))
                .hasMessageContaining("view 'flows' is the whole center's");
        assertThatThrownBy(() -> decode("{\"type\": \"subscribe\", \"views\": [\"yearly\"]}", drugsLeader))
                .hasMessageContaining("view 'yearly'");
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
