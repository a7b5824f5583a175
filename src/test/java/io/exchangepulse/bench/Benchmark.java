package io.exchangepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.exchangepulse.simulate.SeedShapedTraffic;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The benchmark harness (not a test): on one broker and one database, in one run, it measures plain Kafka
 * (the physical limit), counted ingest straight to Kafka and over HTTP (checked exact), event-to-screen
 * latency with many WebSocket viewers at a fixed rate, and the service's memory, CPU and start-up time.
 * Prints a table and writes target/bench/latest.json.
 *
 * <pre>./mvnw -DskipTests package exec:java@bench [-Dexec.args="--viewers 1000 --rate 10000 --warmup 5 --seconds 30"]</pre>
 * {@code --jfr target/bench/service.jfr} also records the service with Java Flight Recorder.
 */
public final class Benchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, String> options;

    private Benchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "raw-records", "500000", "kafka-events", "300000", "http-events", "200000",
                "rate", "10000", "viewers", "1000", "seconds", "20", "warmup", "5", "stored-ids", "1000000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new Benchmark(options).run();
        System.exit(0);
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        results.put("options", options);
        PulseServices.startOnce();
        rawKafka(option("raw-records"));

        long launched = System.nanoTime();
        Map<String, String> environment = new LinkedHashMap<>(Map.of("EXCHANGEPULSE_LOG_JSON", "false"));
        if (options.containsKey("jfr")) {
            // A flight recording of the service for the whole run, to see where its time goes.
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename="
                    + Path.of(options.get("jfr")).toAbsolutePath());
        }
        try (ServiceProcess service = ServiceProcess.start("bench", environment)
                .awaitReady(Duration.ofSeconds(120))) {
            double readyWall = (System.nanoTime() - launched) / 1e9;
            try (ProcessProbe probe = new ProcessProbe(service.pid())) {
                storeAWeekOfIds(option("stored-ids"));
                ingestThroughKafka(option("kafka-events"));
                ingestOverHttp(service.port(), option("http-events"));
                latency(service, option("rate"), option("viewers"), option("warmup"), option("seconds"));
                results.put("process", Map.of("maxRssMb", probe.maxRssMb(), "averageCores", probe.cores()));
                results.put("aggregator", aggregatorMetrics(service.managementPort()));
            }
            // Read late: the log line may still be on its way when the service first answers ready.
            var started = STARTED_IN.matcher(service.output());
            results.put("startup", Map.of("quarkusStartedInSeconds", started.find() ? Double.parseDouble(started.group(1)) : -1,
                    "processToReadySeconds", readyWall));
            service.stop(Duration.ofSeconds(30));
        }
        report();
    }

    /** Plain Kafka clients on the same broker with records the size of an exchange: the ceiling. */
    private void rawKafka(int records) throws Exception {
        String topic = "bench.raw";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PulseServices.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        byte[] value = MAPPER.writeValueAsBytes(new SeedShapedTraffic(1, Instant.now()).next(Instant.now()));
        Percentiles latency = new Percentiles();
        AtomicLong consumed = new AtomicLong();
        Thread consumer = new Thread(() -> {
            try (var c = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PulseServices.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-raw", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(topic));
                while (consumed.get() < records) {
                    long now = System.currentTimeMillis();
                    c.poll(Duration.ofMillis(100)).forEach(r -> {
                        latency.add((now - r.timestamp()) * 1000);
                        consumed.incrementAndGet();
                    });
                }
            }
        });
        consumer.start();
        Thread.sleep(2000);
        long begin = System.nanoTime();
        try (var producer = producer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), value));
            }
        }
        consumer.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        results.put("rawKafka", Map.of("records", records, "recordBytes", value.length,
                "producerToConsumerPerSecond", records / seconds,
                "endToEndMs", Map.of("p50", latency.millis(50), "p99", latency.millis(99), "p999", latency.millis(99.9))));
    }

    /**
     * The de-duplication table as a service that has run for a while holds it: {@code ids} counted over the
     * past week, in the partitions of their days (made here where the fresh database has none yet).
     */
    private void storeAWeekOfIds(int ids) throws Exception {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.createStatement()) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int back = 1; back <= 7; back++) {
                LocalDate day = today.minusDays(back);
                statement.execute("CREATE TABLE IF NOT EXISTS counted_exchange_" + day.format(DateTimeFormatter.BASIC_ISO_DATE)
                        + " PARTITION OF counted_exchange FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
            }
            statement.execute("INSERT INTO counted_exchange (id, appended_on) SELECT gen_random_uuid(), current_date - 1 - (g % 7) "
                    + "FROM generate_series(1, " + ids + ") AS g");
            statement.execute("ANALYZE counted_exchange");
        }
    }

    /** Exchanges produced straight to the exchange topic, timed until all are counted, and checked exact. */
    private void ingestThroughKafka(int events) throws Exception {
        Instant start = phaseStart(Duration.ofMinutes(20));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
        for (Map<String, Object> exchange : exchangesFrom(start, Duration.ofMillis(1), events)) {
            records.add(new ProducerRecord<>(Counts.EXCHANGES, (String) exchange.get("id"), MAPPER.writeValueAsBytes(exchange)));
        }
        long begin = System.nanoTime();
        try (var producer = producer()) {
            records.forEach(producer::send);
        }
        Counts.awaitCaughtUp();
        double seconds = (System.nanoTime() - begin) / 1e9;
        results.put("ingestKafka", counted(start, Duration.ofMillis(events), events, seconds));
    }

    /** Exchanges POSTed in batches of 1,000 by 8 concurrent clients, timed until all are counted. */
    private void ingestOverHttp(int port, int events) throws Exception {
        Instant start = phaseStart(Duration.ofMinutes(12));
        List<Map<String, Object>> exchanges = exchangesFrom(start, Duration.ofMillis(1), events);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i += 1000) {
            bodies.add(MAPPER.writeValueAsBytes(exchanges.subList(i, Math.min(exchanges.size(), i + 1000))));
        }
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var slots = new Semaphore(8);
        var failures = new AtomicLong();
        URI endpoint = URI.create("http://localhost:" + port + "/api/v1/exchanges");
        long begin = System.nanoTime();
        for (byte[] body : bodies) {
            slots.acquire();
            client.sendAsync(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                            .header("Authorization", Callers.bearer(Callers.DEFAULT))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 202) {
                            failures.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        slots.acquire(8);
        Counts.awaitCaughtUp();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Object> result = counted(start, Duration.ofMillis(events), events, seconds);
        result.put("failedRequests", failures.get());
        results.put("ingestHttp", result);
    }

    /**
     * Where a phase's exchanges start: minutes before now, so that they are live traffic to the service (not later
     * than its lateness window, not in a closed year) yet fall in minutes of their own, to be counted apart.
     */
    private static Instant phaseStart(Duration before) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(before);
        if (start.atZone(ZoneOffset.UTC).getYear() != Instant.now().atZone(ZoneOffset.UTC).getYear()) {
            throw new IllegalStateException("The benchmark counts minutes of this year apart: run it after 00:20 on January 1st");
        }
        return start;
    }

    /** The exchanges counted in the minutes from {@code start} over {@code span}, against the {@code events} sent. */
    private Map<String, Object> counted(Instant start, Duration span, int events, double seconds) throws Exception {
        long counted;
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var query = connection.prepareStatement("SELECT coalesce(sum(n), 0) FROM scope_channel_count "
                     + "WHERE grain = 'MINUTE' AND bucket >= ? AND bucket < ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            query.setTimestamp(2, Timestamp.from(start.plus(span).plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES)));
            try (var rows = query.executeQuery()) {
                rows.next();
                counted = rows.getLong(1);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("counted", counted);
        result.put("exact", counted == events);
        result.put("countedPerSecond", events / seconds);
        return result;
    }

    /**
     * Viewers connected to /live while exchanges arrive at a fixed rate: for each delta, the time from the
     * newest event it folds in (its append to Kafka) to its arrival at the viewer.
     */
    private void latency(ServiceProcess service, int rate, int viewers, int warmup, int seconds) throws Exception {
        Percentiles latency = new Percentiles();
        // The first seconds at the rate warm the JIT and the connections up; only the steady state is measured.
        AtomicBoolean measuring = new AtomicBoolean();
        // Netty-based viewers: real dashboards run on other machines, so the viewers' share of this
        // machine's two cores should stay as small as a WebSocket client can make it.
        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(viewers).setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            WebSocket socket = client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(service.port()).setURI("/live")
                    .addHeader("Authorization", Callers.bearer("wall"))).toCompletionStage().toCompletableFuture().join();
            // Only the head of each message is decoded: the type and newestIngestedAt come first.
            socket.handler(data -> {
                long now = System.currentTimeMillis();
                String message = data.getString(0, Math.min(data.length(), 200));
                int at = message.indexOf("\"newestIngestedAt\":\"");
                if (measuring.get() && message.startsWith("{\"type\":\"delta\"") && at > 0) {
                    Instant newest = Instant.parse(message.substring(at + 20, message.indexOf('"', at + 20)));
                    latency.add((now - newest.toEpochMilli()) * 1000);
                }
            });
            sockets.add(socket);
        }
        int total = rate * (warmup + seconds);
        long[] machineBefore = new long[2];
        // Each one's time is set as it is sent, below.
        List<Map<String, Object>> exchanges = exchangesFrom(Instant.now(), Duration.ZERO, total);
        long begin = System.nanoTime();
        try (var producer = producer()) {
            for (int i = 0; i < total; i++) {
                if (i == rate * warmup) {
                    measuring.set(true);
                    System.arraycopy(machineCpuTicks(), 0, machineBefore, 0, 2);
                }
                // Sleeping, not spinning, until each event is due: a spinning producer would take one of the
                // machine's cores away from the service it measures.
                long wait = begin + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Map<String, Object> exchange = exchanges.get(i);
                exchange.put("occurredAt", Instant.now().toString());
                producer.send(new ProducerRecord<>(Counts.EXCHANGES, (String) exchange.get("id"), MAPPER.writeValueAsBytes(exchange)));
            }
        }
        Thread.sleep(2000);
        long[] machineAfter = machineCpuTicks();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        String metrics = metrics(service.managementPort());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("viewers", viewers);
        result.put("seconds", seconds);
        result.put("deltas", latency.size());
        result.put("eventToScreenMs", Map.of("p50", latency.millis(50), "p99", latency.millis(99), "p999", latency.millis(99.9)));
        // The same measure taken by the service as it sends, so the viewers' side (here, in one JVM with the
        // broker) can be told apart from the service's.
        result.put("eventToSendMs", Map.of("p50", quantile(metrics, "0.5"), "p99", quantile(metrics, "0.99"),
                "p999", quantile(metrics, "0.999")));
        // Everything shares the machine's cores: the broker, PostgreSQL, the service and the viewers.
        result.put("machineBusy", (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]));
        results.put("latency", result);
    }

    private static double quantile(String metrics, String quantile) {
        return 1000 * metric(metrics, "pulse_live_delta_latency_seconds{quantile=\"" + quantile + "\"");
    }

    /** Busy and total CPU ticks of the whole machine, from /proc/stat. */
    private static long[] machineCpuTicks() throws Exception {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    private static String metrics(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** How the aggregator batched: the number of transactions, their mean size and mean duration. */
    private static Map<String, Object> aggregatorMetrics(int port) throws Exception {
        String metrics = metrics(port);
        double batches = metric(metrics, "pulse_aggregate_batch_seconds_count");
        double seconds = metric(metrics, "pulse_aggregate_batch_seconds_sum");
        double counted = metric(metrics, "pulse_exchanges_counted_total");
        return Map.of("batches", batches, "meanBatch", counted / batches, "meanBatchMs", 1000 * seconds / batches);
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + (name.contains("{") ? "" : "{")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Exchanges as a busy center sends them, one every {@code spacing} from {@code start}. */
    private static List<Map<String, Object>> exchangesFrom(Instant start, Duration spacing, int count) {
        SeedShapedTraffic traffic = new SeedShapedTraffic(start.toEpochMilli(), start);
        List<Map<String, Object>> exchanges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exchanges.add(traffic.next(start.plus(spacing.multipliedBy(i))));
        }
        return exchanges;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PulseServices.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    private void report() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json"), json);
        var raw = (Map<?, ?>) results.get("rawKafka");
        double rawRate = ((Number) raw.get("producerToConsumerPerSecond")).doubleValue();
        System.out.println();
        System.out.println("Exchange Pulse benchmark (" + results.get("machine") + ")");
        System.out.printf("%-44s %s%n", "Raw Kafka producer->consumer", perSecond(rawRate) + "  e2e " + raw.get("endToEndMs"));
        for (String run : List.of("ingestKafka", "ingestHttp")) {
            var r = (Map<?, ?>) results.get(run);
            double rate = ((Number) r.get("countedPerSecond")).doubleValue();
            System.out.printf("%-44s %s  (%.0f %% of raw Kafka, exact: %s, %s of %s)%n", "Counted ingest, " + run.substring(6),
                    perSecond(rate), 100 * rate / rawRate, r.get("exact"), r.get("counted"), r.get("events"));
        }
        var latency = (Map<?, ?>) results.get("latency");
        System.out.printf("%-44s %s (%s deltas)%n", "Event-to-screen at " + latency.get("rate") + "/s, " + latency.get("viewers")
                + " viewers", latency.get("eventToScreenMs"), latency.get("deltas"));
        System.out.printf("%-44s %s (machine busy %.0f %%)%n", "  of which event-to-send, in the service", latency.get("eventToSendMs"),
                100 * (double) latency.get("machineBusy"));
        System.out.printf("%-44s %s%n", "Service process", results.get("process"));
        System.out.printf("%-44s %s%n", "Aggregator transactions", results.get("aggregator"));
        System.out.printf("%-44s %s%n", "Start-up", results.get("startup"));
        System.out.println("Written to " + dir.resolve("latest.json"));
    }

    private static String perSecond(double rate) {
        return String.format("%,.0f/s", rate);
    }
}
