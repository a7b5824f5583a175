package io.exchangepulse.live;

import io.exchangepulse.platform.StaticPages;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * The rotating wall at {@code /playlist?slides=wall,DRUGS&dwell=30}: the dashboard's {@code playlist.html}, under
 * an address that sends a screen nobody is signed in on to the sign-in page, as {@code /} does.
 */
@Path("/playlist")
@Tag(name = "Live")
@Authenticated
public class PlaylistPageResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The playlist page", description = "Cycles through the wall and task-force views; alerts interrupt it.")
    public InputStream page() {
        return StaticPages.named("playlist.html");
    }
}
