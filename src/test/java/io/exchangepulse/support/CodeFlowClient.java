package io.exchangepulse.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser's sign-in over plain HTTP: the authorization-code flow with the service as a browser goes through
 * it (the service's redirect to the provider, the provider's sign-in page, the way back with the code, the
 * session cookie), keeping its cookies, so that tests can take the session cookie, copy it, and try it as an
 * attacker would. The suite's provider signs in whoever its page is asked for.
 */
public final class CodeFlowClient {

    private final URI service;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private HttpResponse<String> signedIn;

    private CodeFlowClient(URI service) {
        this.service = service;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs {@code user} in at {@code entry} (a page: "/", or "/kiosk" for the wall's kiosk session). */
    public static CodeFlowClient signIn(URI service, String entry, String user) throws IOException, InterruptedException {
        CodeFlowClient browser = new CodeFlowClient(service);
        HttpResponse<String> toProvider = browser.get(entry);
        URI authorize = URI.create(toProvider.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(entry + " sent no browser to sign in: " + toProvider.statusCode())));
        // The provider's page posts the authorization request's parameters back with the user chosen.
        String form = authorize.getRawQuery() + "&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> chosen = browser.client.send(HttpRequest.newBuilder(authorize.resolve("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        URI back = URI.create(chosen.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("the provider refused: " + chosen.statusCode() + " " + chosen.body())));
        browser.signedIn = browser.client.send(HttpRequest.newBuilder(back).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (browser.signedIn.statusCode() != 302) {
            throw new AssertionError("the service refused the sign-in of " + user + ": " + browser.signedIn.statusCode() + " "
                    + browser.signedIn.body());
        }
        return browser;
    }

    /** A browser that holds only a copy of {@code cookie}, as a thief who took it from the original would. */
    public static CodeFlowClient withCookie(URI service, HttpCookie cookie) {
        CodeFlowClient copy = new CodeFlowClient(service);
        copy.cookies.getCookieStore().add(service, (HttpCookie) cookie.clone());
        return copy;
    }

    /** The service's answer to the way back from the provider, which sets the session cookie. */
    public HttpResponse<String> signedIn() {
        return signedIn;
    }

    /** The session cookie the service gave, if any. */
    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("q_session")).findFirst();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.resolve(path)).header("Accept", "application/json").GET());
    }

    /** Sends a request as this browser: its cookies go with it. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI service() {
        return service;
    }

    @Override
    public String toString() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).collect(Collectors.joining(", "));
    }
}
