package io.exchangepulse.ingest;

import io.exchangepulse.platform.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A request body still arriving when its deadline passes ends the request: 408, and its connection closed, which
 * also ends the reader waiting on it. Without it, a partner sending a body a byte at a time would hold one of the
 * replica's few body readers (and its own share of them) for as long as it liked; the server's read timeout only
 * ends a body that stops altogether.
 */
final class BodyDeadline implements AutoCloseable {

    private static final String TOO_SLOW = "{\"type\":\"urn:exchange-pulse:problem:too-slow\",\"title\":\"Request too slow\","
            + "\"status\":408,\"detail\":\"the body did not arrive in time: send it again, faster; nothing was accepted\"}";

    private final RoutingContext context;
    private final long timer;

    private BodyDeadline(RoutingContext context, long timer) {
        this.context = context;
        this.timer = timer;
    }

    static BodyDeadline arm(RoutingContext context, Duration deadline) {
        long timer = context.vertx().setTimer(deadline.toMillis(), fired -> {
            if (context.request().isEnded()) {
                return;
            }
            if (!context.response().headWritten()) {
                context.response().setStatusCode(408).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(TOO_SLOW);
            }
            context.request().connection().close();
        });
        return new BodyDeadline(context, timer);
    }

    @Override
    public void close() {
        context.vertx().cancelTimer(timer);
    }
}
