package io.exchangepulse.identity;

import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;

/**
 * Reads the {@link Caller} of a request from its verified token: roles from {@code groups}, and the claims
 * {@code party}, {@code agency} and {@code task_forces} (src/docs/deployment.md, "The token contract"). A claim that names
 * no known code is ignored: it grants nothing.
 */
@ApplicationScoped
public class CurrentCaller {

    /** The request's identity (a request-scoped proxy): each call reads the caller of the request at hand. */
    @Inject
    SecurityIdentity identity;

    public Caller get() {
        return of(identity);
    }

    public static Caller of(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claim())) {
                roles.add(role);
            }
        }
        Optional<JsonWebToken> token = identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
        Optional<Party> party = token.map(t -> t.<Object>getClaim("party")).map(String::valueOf).flatMap(Party::fromCode);
        Optional<String> agency = token.map(t -> t.<Object>getClaim("agency")).map(String::valueOf)
                .filter(a -> a.equals("POLICE") || a.equals("CUSTOMS"));
        Set<TaskForce> taskForces = EnumSet.noneOf(TaskForce.class);
        token.map(t -> t.<Object>getClaim("task_forces")).ifPresent(claim -> codes(claim).forEach(code -> Arrays.stream(TaskForce.values())
                .filter(t -> t.name().equals(code)).forEach(taskForces::add)));
        return new Caller(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(), roles, party, agency, taskForces);
    }

    /** A claim's values: a JSON array's strings, or one string. */
    private static Collection<String> codes(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream().map(value -> value instanceof JsonString string ? string.getString() : value.toString()).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(claim));
    }
}
