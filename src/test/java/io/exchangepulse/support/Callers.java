package io.exchangepulse.support;

import io.exchangepulse.embedded.EmbeddedIssuer;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the tests call the service as: real tokens signed by the suite's provider ({@link PulseServices#issuer()}).
 * Every RestAssured request goes as {@code admin} unless it names another caller with {@link #as(String)},
 * goes {@link #anonymous()}, or carries its own {@code Authorization} header (the access tests' forged and
 * expired tokens). Installed before each test, in JUnit's class loader (the packaged-service tests) and in
 * Quarkus' (the {@code @QuarkusTest}s), each of which has its own RestAssured.
 */
public final class Callers implements OrderedFilter, BeforeEachCallback, QuarkusTestBeforeEachCallback {

    public static final String DEFAULT = "admin";
    private static final String CALLER = "X-Test-Caller";
    private static final String ANONYMOUS = "anonymous";
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();

    private record Issued(String token, Instant renewAfter) {
    }

    /** A request header that makes the request go as {@code user}, one of {@link EmbeddedIssuer#USERS}. */
    public static Header as(String user) {
        return new Header(CALLER, user);
    }

    /** A request header that makes the request go with no credentials at all. */
    public static Header anonymous() {
        return new Header(CALLER, ANONYMOUS);
    }

    /** A valid access token for {@code user}, reused while it has most of its life ahead. */
    public static String token(String user) {
        return ISSUED.compute(user, (name, issued) -> issued != null && Instant.now().isBefore(issued.renewAfter()) ? issued
                : new Issued(PulseServices.issuer().accessToken(EmbeddedIssuer.user(name)
                        .orElseThrow(() -> new IllegalArgumentException("no test user " + name)), LIFETIME),
                        Instant.now().plus(LIFETIME.dividedBy(2)))).token();
    }

    public static String bearer(String user) {
        return "Bearer " + token(user);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        String caller = request.getHeaders().getValue(CALLER);
        request.removeHeader(CALLER);
        if (!request.getHeaders().hasHeaderWithName("Authorization") && !ANONYMOUS.equals(caller)) {
            request.header("Authorization", bearer(caller == null ? DEFAULT : caller));
        }
        return context.next(request, response);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RestAssured.replaceFiltersWith(this);
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(this);
    }
}
