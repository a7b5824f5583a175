package io.exchangepulse.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Where a wall display is signed in, once, by whoever installs it: {@code /kiosk} signs in with the kiosk's long
 * offline session (the wall role only, {@link SessionLimits}), then opens the wall, or {@code next} (a path of this
 * service, such as {@code /playlist?slides=wall,DRUGS}).
 */
@Path(TenantSelection.KIOSK_PATH)
@Tag(name = "Identity")
@Authenticated
public class KioskResource {

    @GET
    @Operation(summary = "Sign in a wall display", description = "Signs in with the kiosk's long session, then opens the wall or next.")
    public Response open(@QueryParam("next") String next) {
        try {
            return Response.seeOther(URI.create(isOwnPath(next) ? next : "/")).build();
        } catch (IllegalArgumentException notAnAddress) {
            return Response.seeOther(URI.create("/")).build();
        }
    }

    /** Only a path of this service: never another host ({@code //evil.example}, {@code /\evil.example}), so no open redirect. */
    static boolean isOwnPath(String next) {
        return next != null && next.length() <= 2048 && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
