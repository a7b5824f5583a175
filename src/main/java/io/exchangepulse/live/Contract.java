package io.exchangepulse.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangepulse.domain.PartyRole;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard must know to read the live views, from the one place that defines it: the codes in
 * display order with their names, which task force each crime area belongs to, and how each view's delta
 * applies. The page adds only presentation (colours, glyphs).
 */
@RegisterForReflection
@Schema(description = "The center's codes with their names, in display order, and the live views' merge rules.")
public record Contract(
        @Schema(description = "The eight task forces.") List<Code> taskForces,
        @Schema(description = "The crime areas, in the order of the seed's table, each with its task force.")
        List<CrimeAreaCode> crimeAreas,
        @Schema(description = "The parties: members in the seed's order, the applicant, observer states, organisations.")
        List<PartyCode> parties,
        @Schema(description = "Where an operation stands.") List<Code> operationStatuses,
        @Schema(description = "The two sorts of operation.") List<Code> operationKinds,
        @Schema(description = "What a result may report as seized.") List<Code> seizures,
        @Schema(description = "What an alert may say is unusual (src/docs/api.md, \"Alerts\").") List<Code> alertKinds,
        @Schema(description = "The live views and how a delta of each applies (src/docs/api.md, \"The live protocol\").")
        List<ViewRule> views,
        @Schema(description = "Who asked, and what of the above they may follow on /live.",
                example = "{\"name\": \"leader-drugs\", \"roles\": [\"task-force-leader\"], \"wholeCenter\": false, "
                        + "\"taskForces\": [\"DRUGS\"], \"views\": [\"crimeAreas\", \"totals\"]}") CallerSight caller,
        @Schema(description = "Where the signed-in page renews its session, and signs out.",
                example = "{\"provider\": \"https://sso.center.example/realms/exchange-pulse\", \"signOut\": \"/logout\"}")
        SignIn signIn,
        @Schema(description = "How long the counts of each trend step are kept (ISO-8601), or 'forever': a query of a step "
                + "further back is a 400 (src/docs/operations.md, \"How long counts are kept\").",
                example = "{\"PT1M\": \"P35D\", \"PT1H\": \"P400D\", \"P1D\": \"forever\"}")
        Map<String, String> kept,
        @Schema(description = "The center's time zone (IANA). Instants are UTC everywhere; the calendar fields (dates, years, "
                + "months, day steps) and the views' \"today\" are the center's days in this zone.", example = "Europe/Bucharest")
        String zone) {

    @RegisterForReflection
    @Schema(description = "The caller and what it may see (src/docs/security.md, \"Identity and access\").")
    public record CallerSight(
            @Schema(description = "The name the provider gave.", example = "leader-drugs") String name,
            @Schema(description = "Its roles.", example = "[\"task-force-leader\"]") List<String> roles,
            @Schema(description = "Whether it sees the whole center (wall, analyst, admin).", example = "false") boolean wholeCenter,
            @Schema(description = "The task forces it may see.", example = "[\"DRUGS\"]") List<TaskForce> taskForces,
            @Schema(description = "The live views it may follow.", example = "[\"crimeAreas\", \"totals\"]") List<String> views) {
    }

    @RegisterForReflection
    @Schema(description = "The identity provider and the sign-out path.")
    public record SignIn(
            @Schema(description = "The OpenID Connect provider's URL (its discovery document is under it).",
                    example = "https://sso.center.example/realms/exchange-pulse") String provider,
            @Schema(description = "Where the page signs out.", example = "/logout") String signOut) {
    }

    @RegisterForReflection
    @Schema(name = "ContractCode", description = "A code and its name.")
    public record Code(
            @Schema(description = "The code as the API writes it.", example = "DRUGS") String code,
            @Schema(description = "Its name, as the dashboard shows it.", example = "Drug trafficking") String name) {
    }

    @RegisterForReflection
    @Schema(name = "ContractCrimeArea", description = "A crime area, its name and its task force.")
    public record CrimeAreaCode(
            @Schema(description = "The crime area's code.", example = "DRUG_TRAFFICKING") String code,
            @Schema(description = "Its name.", example = "Drug trafficking") String name,
            @Schema(description = "The task force it belongs to.", example = "DRUGS") TaskForce taskForce) {
    }

    @RegisterForReflection
    @Schema(name = "ContractParty", description = "A party, its name and its place in the center.")
    public record PartyCode(
            @Schema(description = "ISO 3166-1 alpha-2 for a state, the name for an organisation.", example = "RO")
            String code,
            @Schema(description = "Its name.", example = "Romania") String name,
            @Schema(description = "Member, applicant, observer or organisation.", example = "MEMBER") PartyRole role) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContractView", description = "A live view: its name and how its delta applies.")
    public record ViewRule(
            @Schema(description = "The view's name in the protocol.", example = "flows") String name,
            @Schema(description = "rows (replace rows by key), matrix (set one field of the rows keyed by two fields, "
                    + "from {first: {second: value}}), fields (overwrite fields), trend (move the window, set points) "
                    + "or whole (replace).", example = "matrix") String merge,
            @Schema(description = "For rows: the fields that identify a row; for matrix: the two, in the delta's order.",
                    example = "[\"from\", \"to\"]") List<String> key,
            @Schema(description = "For trend: the step (ISO-8601).", example = "PT1M") String step,
            @Schema(description = "For matrix: the field of a row that the delta's numbers set.", example = "count")
            String value) {
    }
}
