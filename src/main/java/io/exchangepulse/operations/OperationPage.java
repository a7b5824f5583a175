package io.exchangepulse.operations;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of operations, in the board's order. */
@RegisterForReflection
@Schema(name = "OperationPage", description = "A page of operations in the board's order: live work first, most recently active first.")
public record OperationPage(
        @Schema(description = "The operations of this page.") List<OperationView> operations,
        @Schema(description = "How many operations match, on every page.", example = "137") long total,
        @Schema(description = "How many operations were skipped before this page.", example = "0") int offset,
        @Schema(description = "The most this page holds.", example = "100") int limit,
        @Schema(description = "The address of the next page; absent on the last.",
                example = "/api/v1/operations?offset=100&limit=100") String next) {

    /** Whether operations follow this page. */
    public boolean hasMore() {
        return offset + operations.size() < total;
    }

    public OperationPage withNext(String address) {
        return new OperationPage(operations, total, offset, limit, address);
    }
}
