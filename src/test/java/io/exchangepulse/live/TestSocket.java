package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayList;
import java.util.List;

/** A viewer's socket in a test: what was written to it, its writes in flight until the test finishes them, how it was closed. */
final class TestSocket implements Viewer.Socket {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    final String id;
    final List<String> written = new ArrayList<>();
    final List<UniEmitter<? super Void>> inFlight = new ArrayList<>();
    Integer closedWith;

    TestSocket(String id) {
        this.id = id;
    }

    static String encode(ServerMessage message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Uni<Void> send(String text) {
        written.add(text);
        return Uni.createFrom().emitter(inFlight::add);
    }

    @Override
    public Uni<Void> close(int code, String reason) {
        closedWith = code;
        return Uni.createFrom().voidItem();
    }

    void finishWriting() {
        inFlight.remove(0).complete(null);
    }

    JsonNode message(int index) throws Exception {
        return MAPPER.readTree(written.get(index));
    }

    JsonNode last() throws Exception {
        return message(written.size() - 1);
    }
}
