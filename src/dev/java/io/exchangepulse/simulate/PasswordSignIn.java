package io.exchangepulse.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's credentials: an access token from the OpenID Connect provider by the password grant
 * (the dev provider's users, or a test user of the center's), renewed before it expires, so that a long
 * run is not cut off by the token's lifetime.
 */
final class PasswordSignIn {

    /** Renew this long before the token expires, so that no request leaves with a token about to lapse. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI provider;
    private final String clientId;
    private final String user;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    PasswordSignIn(HttpClient client, URI provider, String clientId, String user, String password) {
        this.client = client;
        this.provider = provider;
        this.clientId = clientId;
        this.user = user;
        this.password = password;
    }

    /** The {@code Authorization} header's value for the next request. */
    synchronized String authorization() {
        if (Instant.now().isAfter(renewAt)) {
            try {
                JsonNode answer = post(tokenEndpoint(), "grant_type=password&client_id=" + encode(clientId) + "&username=" + encode(user)
                        + "&password=" + encode(password));
                token = answer.path("access_token").asText();
                renewAt = Instant.now().plusSeconds(answer.path("expires_in").asLong(60)).minus(MARGIN);
            } catch (IOException e) {
                throw new IllegalStateException("cannot sign in as " + user + " at " + provider + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return "Bearer " + token;
    }

    private URI tokenEndpoint() throws IOException, InterruptedException {
        var discovery = client.send(HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        return URI.create(JSON.readTree(discovery.body()).path("token_endpoint").asText());
    }

    private JsonNode post(URI endpoint, String form) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
