package io.exchangepulse.alerts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangepulse.domain.AlertKind;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;

/** Activity out of its band, or a stalled pipeline: what the wall highlights and the alerts API lists. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Unusual activity of a task force or crime area in a window, or counting stalled.")
public record Alert(
        @Schema(description = "Stable while the alert lasts: subject, code, window and kind.", example = "TASK_FORCE:DRUGS:PT1H:SURGE")
        String id,
        @Schema(description = "What is unusual (the contract's alertKinds).", example = "SURGE") AlertKind kind,
        @Schema(description = "TASK_FORCE, CRIME_AREA or PIPELINE.", example = "TASK_FORCE") Subject subject,
        @Schema(description = "The task force's or crime area's code; absent for the pipeline.", example = "DRUGS") String code,
        @Schema(description = "The task force it concerns; absent for the pipeline, which concerns everyone.", example = "DRUGS")
        TaskForce taskForce,
        @Schema(description = "The window judged (ISO-8601): the last hour, the last day.", example = "PT1H")
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration window,
        @Schema(description = "The round of judgement that raised it: the same on every replica.", example = "2026-11-29T09:12:00Z")
        Instant startedAt,
        @Schema(description = "The round that found activity back within its band; absent while active.", example = "2026-11-29T10:40:00Z")
        Instant endedAt,
        @Schema(description = "Exchanges in the window (for the pipeline: seconds counting is behind).", example = "240") long observed,
        @Schema(description = "The expected count: the recent baseline's weighted mean.", example = "42.5") double expected,
        @Schema(description = "The band's lower edge.", example = "20.1") double low,
        @Schema(description = "The band's upper edge.", example = "64.9") double high,
        @Schema(description = "Spreads away from the expected count (negative below).", example = "29.6") double sigmas,
        @Schema(description = "The same window a year before, where counted by that grain then.", example = "35") Long lastYear) {

    public enum Subject {
        TASK_FORCE,
        CRIME_AREA,
        PIPELINE
    }

    Alert ended(Instant at) {
        return new Alert(id, kind, subject, code, taskForce, window, startedAt, at, observed, expected, low, high, sigmas, lastYear);
    }

    /** The same alert, still going, with the latest figures. */
    Alert continuedAs(Alert latest) {
        return new Alert(id, kind, subject, code, taskForce, window, startedAt, null, latest.observed, latest.expected, latest.low,
                latest.high, latest.sigmas, latest.lastYear);
    }
}
