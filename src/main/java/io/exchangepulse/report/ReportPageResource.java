package io.exchangepulse.report;

import io.exchangepulse.platform.StaticPages;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The report page at {@code /report?year=Y}: the dashboard's {@code report.html}, under an address to print and share. */
@Path("/report")
@Tag(name = "Reports")
@Authenticated
public class ReportPageResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The annual report page", description = "Printable on A4, with a link to its CSV.")
    public InputStream page() {
        return StaticPages.named("report.html");
    }
}
