package io.exchangepulse.live;

import io.exchangepulse.counters.CounterRetention;
import io.exchangepulse.domain.AlertKind;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Seizure;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.IdentityConfig;
import io.exchangepulse.identity.Role;
import io.exchangepulse.live.views.Merge;
import io.exchangepulse.live.views.Views;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

@Authenticated
@Path("/api/v1/contract")
@Tag(name = "Live")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    @Inject
    Views views;

    @Inject
    CurrentCaller currentCaller;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> provider;

    /** Where browsers reach the provider, which inside a cluster may differ from where the service does. */
    @Inject
    IdentityConfig identity;

    @ConfigProperty(name = "quarkus.oidc.web.logout.path")
    String signOut;

    @Inject
    CounterRetention retention;

    @Inject
    CenterCalendar calendar;

    @GET
    @Operation(summary = "The codes, their names and the live views",
            description = "What a dashboard needs to read /live: every code in display order with its name, each crime "
                    + "area's task force, how a delta of each view applies, and what the caller may follow.")
    public Contract contract() {
        Caller caller = currentCaller.get();
        Sight sight = Sight.of(caller, views);
        return new Contract(
                codes(TaskForce.values(), TaskForce::displayName),
                Arrays.stream(CrimeArea.values())
                        .map(area -> new Contract.CrimeAreaCode(area.name(), area.displayName(), area.taskForce()))
                        .toList(),
                Arrays.stream(Party.values())
                        .map(party -> new Contract.PartyCode(party.name(), party.displayName(), party.role()))
                        .toList(),
                codes(OperationStatus.values(), OperationStatus::displayName),
                codes(OperationKind.values(), OperationKind::displayName),
                codes(Seizure.values(), Seizure::displayName),
                codes(AlertKind.values(), AlertKind::displayName),
                views.all().stream().map(view -> {
                    Merge merge = view.merge();
                    return new Contract.ViewRule(view.name(), merge.merge(), merge.key(), merge.step(), merge.value());
                }).toList(),
                new Contract.CallerSight(caller.name(), caller.roles().stream().map(Role::claim).sorted().toList(),
                        sight.wholeCenter(), List.copyOf(sight.taskForces()), sight.views()),
                new Contract.SignIn(identity.publicProviderUrl().or(() -> provider).orElseThrow(), signOut),
                kept(),
                calendar.zone().getId());
    }

    private Map<String, String> kept() {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Grain grain : Grain.values()) {
            grain.step().ifPresent(step -> kept.put(step.toString(), retention.of(grain).map(ContractResource::iso).orElse("forever")));
        }
        return kept;
    }

    /** Whole days as days ({@code P35D}), as they are configured, rather than Java's hours ({@code PT840H}). */
    private static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static <E extends Enum<E>> List<Contract.Code> codes(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(value -> new Contract.Code(value.name(), name.apply(value))).toList();
    }
}
