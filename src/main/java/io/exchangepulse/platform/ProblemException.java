package io.exchangepulse.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Ends a request with a problem detail as its body. */
public final class ProblemException extends WebApplicationException {

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, String retryAfterSeconds) {
        super(problem.detail(), null, build(problem, retryAfterSeconds));
    }

    /** A query parameter out of its bounds: a 400 that names it. */
    public static ProblemException invalidQuery(String detail) {
        return new ProblemException(Problem.of("invalid-query", "Invalid query", 400, detail));
    }

    private static Response build(Problem problem, String retryAfterSeconds) {
        var response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }
}
