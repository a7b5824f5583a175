package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.Views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The messages of the live protocol from the page, decoded and checked: a subscription, or a resync. */
sealed interface ClientMessage {

    /** Follow these views of these task forces from now on (a snapshot of them comes first). */
    record Subscribe(Subscription subscription) implements ClientMessage {
    }

    /** Send the current state again, whole (the page saw a gap in the sequence). */
    record Resync() implements ClientMessage {
    }

    /** A message the server cannot take, and why, in words for the page's log. */
    final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static ClientMessage decode(JsonNode message, Views views, Sight sight) throws Invalid {
        String type = message.path("type").asText();
        return switch (type) {
            case "subscribe" -> new Subscribe(subscription(message, views, sight));
            case "resync" -> new Resync();
            default -> throw new Invalid("unknown message type '" + type + "'; expected subscribe or resync");
        };
    }

    /**
     * Every field is optional: all the views and task forces the viewer may see, the wall's trend lengths.
     * Asking for more than the viewer's {@link Sight} is refused, never quietly narrowed.
     */
    private static Subscription subscription(JsonNode message, Views views, Sight sight) throws Invalid {
        List<String> followed = new ArrayList<>();
        for (JsonNode view : message.path("views")) {
            if (views.named(view.asText()).isEmpty()) {
                throw new Invalid("unknown view '" + view.asText() + "'");
            }
            if (!sight.views().contains(view.asText())) {
                throw new Invalid("view '" + view.asText() + "' is the whole center's, not open to a task-force leader");
            }
            followed.add(view.asText());
        }
        List<TaskForce> taskForces = new ArrayList<>();
        for (JsonNode taskForce : message.path("taskForces")) {
            TaskForce known = Arrays.stream(TaskForce.values()).filter(t -> t.name().equals(taskForce.asText())).findFirst()
                    .orElseThrow(() -> new Invalid("unknown task force '" + taskForce.asText() + "'"));
            if (!sight.taskForces().contains(known)) {
                throw new Invalid("task force '" + known.name() + "' is not yours to see");
            }
            taskForces.add(known);
        }
        return new Subscription(followed.isEmpty() ? sight.views() : followed, taskForces.isEmpty() ? sight.ownTaskForces() : taskForces,
                oneOf(message, "minutes", Subscription.MINUTES), oneOf(message, "days", Subscription.DAYS));
    }

    /** One of a few lengths (the first when absent), so that viewers share subscriptions and their work. */
    private static int oneOf(JsonNode message, String field, List<Integer> allowed) throws Invalid {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return allowed.get(0);
        }
        if (!value.isIntegralNumber() || !allowed.contains(value.intValue())) {
            throw new Invalid(field + " must be one of " + allowed);
        }
        return value.intValue();
    }
}
