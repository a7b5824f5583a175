package io.exchangepulse.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted request: every item in it is durably in the log. */
@RegisterForReflection
@Schema(description = "Every item of the request is durably in the log (Kafka, acks=all).")
public record Accepted(
        @Schema(description = "How many items the request held; each is counted exactly once, resends included.",
                example = "2")
        int accepted) {
}
