package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.domain.Grain;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The views as the container makes them, and counter tables made of plain maps, for tests without a container. */
public final class TestViews {

    private TestViews() {
    }

    /** Every view bean of the package, found as the container finds them: a new view needs no line here. */
    public static Views all() {
        List<LiveView<?>> views = new ArrayList<>();
        try (Stream<Path> classes = Files.list(Path.of(LiveView.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(LiveView.class.getPackageName().replace('.', '/')))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName(LiveView.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (LiveView.class.isAssignableFrom(type) && type.isAnnotationPresent(Singleton.class)
                        && !Modifier.isAbstract(type.getModifiers())) {
                    views.add((LiveView<?>) type.getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException | ReflectiveOperationException | URISyntaxException e) {
            throw new IllegalStateException("cannot find the views", e);
        }
        return new Views(views);
    }

    public static CounterTable table(Map<CounterKey, Long> rows) {
        return (live, row) -> rows.forEach((key, count) -> {
            if (key.family() == live.family() && key.grain() == live.grain()) {
                row.accept(key, count);
            }
        });
    }

    public static CounterKey key(CounterFamily family, Grain grain, Instant bucket, String... dimensions) {
        return new CounterKey(family, grain, bucket.getEpochSecond(), List.of(dimensions));
    }
}
