package io.exchangepulse.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the operations the board shows: bounded whatever partners open (src/docs/api.md, "Operation events"). */
@ConfigMapping(prefix = "exchangepulse.operations")
public interface OperationsConfig {

    /** The most recently active open operations on the board, per task force (and for those of none). */
    @WithDefault("20")
    int boardActivePerTaskForce();

    /** The last closed operations on the board, per task force. */
    @WithDefault("5")
    int boardClosedPerTaskForce();

    /** The latest results and coordinated actions an operation shows; its arrests count them all. */
    @WithDefault("50")
    int eventsPerOperation();
}
