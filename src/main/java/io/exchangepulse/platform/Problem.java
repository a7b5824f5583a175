package io.exchangepulse.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, with every invalid item of a rejected request. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem detail (application/problem+json).")
public record Problem(
        @Schema(description = "What kind of problem this is.", example = "urn:exchange-pulse:problem:invalid-items")
        String type,
        @Schema(description = "A short summary of the kind of problem.", example = "Invalid items")
        String title,
        @Schema(description = "The HTTP status.", example = "400")
        int status,
        @Schema(description = "What happened in this request, and what to do.",
                example = "1 of 2 items is invalid; nothing was accepted")
        String detail,
        @Schema(description = "Each broken rule of each invalid item, the first hundred of them; absent for problems "
                + "of the whole request.")
        List<ItemProblem> errors,
        @Schema(description = "How many broken rules there were in all, where errors lists only the first of them.",
                example = "2500")
        Integer errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem("urn:exchange-pulse:problem:" + type, title, status, detail, null, null);
    }
}
