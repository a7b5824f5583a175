package io.exchangepulse.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exchangepulse.live")
public interface LiveConfig {

    /** At most one delta per viewer per tick: many events between two ticks fold into one message. */
    @WithDefault("PT0.1S")
    Duration tick();

    /** A viewer that got nothing for this long gets a heartbeat, so that proxies keep the socket open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** A viewer whose last message is still unwritten after this long is disconnected. */
    @WithDefault("PT30S")
    Duration stuckLimit();

    /** How often the operations board is read again. */
    @WithDefault("PT2S")
    Duration operationsRefresh();

    /** After a burst of a few, a viewer may send one message per this interval; more closes its socket (1008). */
    @WithDefault("PT2S")
    Duration messageInterval();

    /** The most live connections one caller holds on a replica; give each wall its own account. */
    @WithDefault("32")
    int maxConnectionsPerCaller();

    /** After a burst of a few, a caller may open one live connection per this interval; more are answered 429. */
    @WithDefault("PT2S")
    Duration connectInterval();

    /** Counting further behind than this is shown on the walls ("counting delayed"), and until then it is not. */
    @WithDefault("PT30S")
    Duration countingDelayShown();

    /** How often the view checks that it has not missed a delta (a gap no later delta reveals). */
    @WithDefault("PT10S")
    Duration reconcile();

    /** During a rolling deploy, how often at most a delta of another version makes the live copy reload. */
    @WithDefault("PT1S")
    Duration foreignDeltaReload();
}
