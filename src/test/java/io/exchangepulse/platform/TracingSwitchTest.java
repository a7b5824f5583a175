package io.exchangepulse.platform;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing is on only where a collector is named. The sources stand where Quarkus puts them (seen in a running
 * service): application.properties at 250, the environment at 300, Quarkus' own localhost:4317 among the defaults.
 */
class TracingSwitchTest {

    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    @Test
    void withNoEndpointTheSdkIsOffThoughQuarkusHasADefaultOne() {
        assertThat(disabled(Map.of(), Map.of())).isTrue();
    }

    @Test
    void anEndpointInTheEnvironmentSwitchesItOn() {
        assertThat(disabled(Map.of(), Map.of(ENDPOINT, "http://collector:4317"))).isFalse();
        assertThat(disabled(Map.of(), Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318"))).isFalse();
    }

    @Test
    void openTelemetrysOwnVariableSwitchesItOnThroughTheApplicationsProperties() {
        assertThat(disabled(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"))).isFalse();
    }

    @Test
    void anExplicitSettingWinsEitherWay() {
        assertThat(disabled(Map.of(), Map.of(ENDPOINT, "http://collector:4317", TracingSwitch.SDK_DISABLED, "true"))).isTrue();
        assertThat(disabled(Map.of("%test." + TracingSwitch.SDK_DISABLED, "false"), Map.of())).isFalse();
    }

    @Test
    void thePropertyIsListedForQuarkusToHandItToTheSdk() {
        assertThat(config(Map.of(), Map.of()).getPropertyNames()).contains(TracingSwitch.SDK_DISABLED);
    }

    private static boolean disabled(Map<String, String> properties, Map<String, String> environment) {
        return config(properties, environment).getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> application = new HashMap<>(properties);
        application.put(ENDPOINT, "${OTEL_EXPORTER_OTLP_ENDPOINT:}");
        return new SmallRyeConfigBuilder()
                .withProfile("test")
                .withInterceptors(new TracingSwitch())
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withDefaultValue(ENDPOINT, "http://localhost:4317/")
                .withDefaultValue(TracingSwitch.SDK_DISABLED, "false")
                .build();
    }
}
