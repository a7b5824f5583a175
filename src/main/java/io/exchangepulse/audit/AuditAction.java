package io.exchangepulse.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audited request did, named from its method and address; the codes of {@code GET /api/v1/audit}. */
public enum AuditAction {
    SEND_EXCHANGES("POST", "/api/v1/exchanges"),
    SEND_OPERATION_EVENTS("POST", "/api/v1/operations/events"),
    IMPORT_ARCHIVE("PUT", "/api/v1/archive/"),
    ACCEPT_COUNTING_GAP("POST", "/api/v1/counting/gaps/accept"),
    READ_AUDIT("GET", "/api/v1/audit"),
    READ_REPORT("GET", "/api/v1/reports/"),
    READ("GET", "/api/v1/"),
    LIVE_CONNECT("GET", "/live"),
    LIVE_SUBSCRIBE(null, null),
    SIGN_IN(null, null),
    /** A session's tokens renewed at the provider (a new session cookie, the same sign-in). */
    SESSION_RENEWED(null, null),
    SIGN_OUT("GET", "/logout"),
    SESSION_ENDED_BY_PROVIDER("POST", "/back-channel-logout"),
    /** Any other request that would change something: refused, but its attempt is kept. */
    OTHER_WRITE(null, "/");

    private final String method;
    private final String path;

    AuditAction(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /**
     * The action of a request, if it is audited: every request that would change something, every read of the
     * API's data (not the contract, which holds only codes), the live upgrade and signing out.
     */
    public static Optional<AuditAction> of(String method, String path) {
        if (path.equals("/api/v1/contract")) {
            return Optional.empty();
        }
        Optional<AuditAction> named = Arrays.stream(values())
                .filter(action -> action.method != null && action.method.equals(method) && action.path != null
                        && (action.path.endsWith("/") ? path.startsWith(action.path) : path.equals(action.path)))
                .findFirst();
        if (named.isPresent()) {
            return named;
        }
        boolean unsafe = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        return unsafe ? Optional.of(OTHER_WRITE) : Optional.empty();
    }
}
