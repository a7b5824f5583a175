package io.exchangepulse.platform;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Tracing is on where a collector is named, and only there (src/docs/tracing.md). Quarkus runs the OpenTelemetry SDK
 * by default and, with no endpoint, exports to localhost:4317: every span would be made for nobody, and the exporter
 * would complain about a collector that is not there. So, unless {@code quarkus.otel.sdk.disabled} is set somewhere,
 * the SDK is disabled exactly when no OTLP endpoint is configured, and one variable
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or OpenTelemetry's own {@code OTEL_EXPORTER_OTLP_ENDPOINT}) switches
 * it on.
 *
 * <p>It runs after the profiles and expressions are resolved (its priority is above theirs), so a value counts as set
 * only when a source gave it: a default, Quarkus' own localhost:4317 among them, does not.
 */
@Priority(Priorities.APPLICATION)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint", "quarkus.otel.exporter.otlp.endpoint");
    /** Defaults (a mapping's, or one an extension adds while building the configuration) come from sources at the bottom. */
    private static final int LOWEST_SET_ORDINAL = Integer.MIN_VALUE + 1000;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || isSet(value)) {
            return value;
        }
        boolean collector = ENDPOINTS.stream().map(context::proceed).anyMatch(TracingSwitch::isSet);
        return ConfigValue.builder()
                .withName(name)
                .withValue(String.valueOf(!collector))
                .withConfigSourceName("exchange-pulse tracing switch (" + (collector ? "an" : "no") + " OTLP endpoint)")
                .withConfigSourceOrdinal(LOWEST_SET_ORDINAL)
                .build();
    }

    /** Listed whether set or not: Quarkus hands the SDK the {@code quarkus.otel.*} properties it finds by name. */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Set<String> names = new HashSet<>();
        context.iterateNames().forEachRemaining(names::add);
        names.add(SDK_DISABLED);
        return names.iterator();
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= LOWEST_SET_ORDINAL;
    }
}
