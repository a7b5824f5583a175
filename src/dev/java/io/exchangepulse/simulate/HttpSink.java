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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** POSTs batches to a service's /api/v1/exchanges, as a liaison desk's system would, signed in. */
final class HttpSink implements TrafficSink {

    private static final int MAX_ATTEMPTS = 10;

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
        return send(batch.size(), body, 1);
    }

    /** A busy service (503) or a caller past what it may (429) says when to come back: the batch is sent again then. */
    private CompletionStage<Integer> send(int items, byte[] body, int attempt) {
        var request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", signIn.authorization())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 202) {
                return CompletableFuture.completedFuture(items);
            }
            Optional<Long> retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong);
            if ((response.statusCode() == 429 || response.statusCode() == 503) && retryAfter.isPresent() && attempt < MAX_ATTEMPTS) {
                Executor later = CompletableFuture.delayedExecutor(Math.min(retryAfter.get(), 60), TimeUnit.SECONDS);
                return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> send(items, body, attempt + 1));
            }
            throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body()));
        });
    }

    @Override
    public void close() {
        // the JDK client has nothing to release before Java 21
    }
}
