package io.exchangepulse.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** POSTs batches to a service's /api/v1/exchanges, as a liaison desk's system would, signed in. */
final class HttpSink implements TrafficSink {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI endpoint;
    private final PasswordSignIn signIn;

    /** {@code provider}: the OpenID Connect provider the service trusts; {@code user} and {@code password}: who sends. */
    HttpSink(URI service, URI provider, String user, String password) {
        this.endpoint = service.resolve("/api/v1/exchanges");
        this.signIn = new PasswordSignIn(client, provider, "exchange-pulse", user, password);
    }

    @Override
    public CompletionStage<Integer> send(List<Map<String, Object>> batch) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", signIn.authorization())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 202) {
                throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body()));
            }
            return batch.size();
        });
    }

    @Override
    public void close() {
        // the JDK client has nothing to release before Java 21
    }
}
