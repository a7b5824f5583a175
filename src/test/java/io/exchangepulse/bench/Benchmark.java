package io.exchangepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.simulate.SeedShapedTraffic;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark harness (not a test). On one broker and one database it runs the same measures several times
 * (three by default) and gives each figure as the median and the spread of the runs, beside its limit: what
 * the raw part does on the same machine in the same run.
 *
 * <ul>
 *   <li>counted ingest straight to Kafka and over HTTP (checked exact), against plain Kafka clients on the same
 *       broker, and against plain JDBC writing the same rows to PostgreSQL;</li>
 *   <li>event-to-screen latency and the service's CPU per viewer per delta, for a series of viewer counts at each
 *       rate (by default half the counted ingest of the same run, and a realistic peak of 1,000 exchanges a
 *       second), against a plain Vert.x server writing messages of the same size to the same number of viewers;</li>
 *   <li>the service's peak resident memory and launch to ready, on the image's runtime (a JDK 25 installed beside
 *       this one) with the image's JVM options and an ahead-of-time cache trained as the image's build trains it;
 *       and launch to ready on this JDK, without a cache.</li>
 * </ul>
 * Prints a table, writes target/bench/latest.json, and draws the figures as SVG in target/bench/.
 *
 * <pre>./mvnw -DskipTests package exec:java@bench [-Dexec.args="--runs 3 --viewers 300,1000,3000 --rates half,1000"]</pre>
 */
public final class Benchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The service's tick (exchangepulse.live.tick): the raw fan-out writes at the same pace. */
    static final long TICK_MILLIS = 100;
    /** The rate of the push series that is half the counted ingest of the same run. */
    static final String HALF = "half";

    private final Map<String, String> options;
    private final List<Map<String, Double>> runs = new ArrayList<>();
    private final Path out = Path.of("target", "bench").toAbsolutePath();

    private Benchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> options = Harness.options(args, "runs", "3", "viewers", "300,1000,3000", "rates", "half,1000",
                "warmup", "3", "seconds", "10", "raw-records", "1000000", "kafka-events", "200000", "http-events", "150000",
                "stored-ids", "1000000", "image-java", "auto");
        Harness.runThenExit(() -> new Benchmark(options).run());
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private int[] viewerCounts() {
        return Arrays.stream(options.get("viewers").split(",")).mapToInt(v -> Integer.parseInt(v.trim())).sorted().toArray();
    }

    /**
     * The rates of the push series as given: exchanges a second, or {@code half}, half the counted ingest straight to
     * Kafka of the same run, a load that means the same share of the machine on any machine.
     */
    private List<String> rates() {
        return Arrays.stream(options.get("rates").split(",")).map(String::trim).toList();
    }

    private static int perSecond(String rate, Map<String, Double> figures) {
        return rate.equals(HALF) ? (int) (figures.get("ingestKafka.perSecond") / 2) : Integer.parseInt(rate);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        PulseServices.startOnce();
        RawUpserts upserts = new RawUpserts(PulseServices.jdbcUrl());
        upserts.prepare(option("stored-ids"));
        String buildJava = ProcessHandle.current().info().command().orElse("java");
        Optional<String> imageJava = imageJava();
        if (imageJava.isEmpty()) {
            System.out.println("No JDK " + ServiceProcess.imageJava() + " (the image's runtime) found: the service runs on this JDK, without the "
                    + "ahead-of-time cache");
        }
        String serviceJava = imageJava.orElse(buildJava);
        Optional<Path> aotCache = imageJava.isPresent() ? Optional.of(trainAotCache(serviceJava)) : Optional.empty();
        for (int run = 1; run <= option("runs"); run++) {
            System.out.printf("%nRun %d of %s%n", run, options.get("runs"));
            Map<String, Double> figures = new LinkedHashMap<>();
            runs.add(figures);
            figures.putAll(rawKafka(run, option("raw-records")));
            figures.put("rawUpserts.perSecond", upserts.write(parsed(exchangesFrom(Instant.now(), Duration.ofMillis(1),
                    option("kafka-events"))), 2000));
            List<String> jvmOptions = new ArrayList<>(serviceJvmOptions());
            aotCache.ifPresent(cache -> jvmOptions.add("-XX:AOTCache=" + cache));
            measureService(run, serviceJava, jvmOptions, figures);
            if (imageJava.isPresent()) {
                figures.put("startup.buildJdk.readySeconds", readyTime(buildJava, serviceJvmOptions()));
            }
            report(run == option("runs"));
        }
    }

    /** One run against the packaged service: its start-up, counting, and push for every viewer count. */
    private void measureService(int run, String java, List<String> jvmOptions, Map<String, Double> figures) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(ServiceProcess.SYSTEM_CLOCK);
        if (options.containsKey("jfr")) {
            // A flight recording of the service for the whole run, to see where its time goes.
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(options.get("jfr").replaceFirst("(\\.jfr)?$", "-" + run + ".jfr")).toAbsolutePath());
        }
        long launched = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start("bench", environment, java, jvmOptions).awaitReady(Duration.ofSeconds(120))) {
            figures.put("startup.readySeconds", (System.nanoTime() - launched) / 1e9);
            if (run == 1) {
                // The service has made its tables by now.
                storeAWeekOfIds(option("stored-ids"));
            }
            try (ProcessProbe probe = new ProcessProbe(service.pid())) {
                figures.putAll(ingestThroughKafka(option("kafka-events")));
                figures.putAll(ingestOverHttp(service.port(), option("http-events")));
                for (String rate : rates()) {
                    int perSecond = perSecond(rate, figures);
                    figures.put("push." + rate + ".perSecond", (double) perSecond);
                    for (int viewers : viewerCounts()) {
                        String push = "push." + rate + "." + viewers + ".";
                        figures.putAll(push(service, probe, perSecond, viewers, push));
                        figures.putAll(rawFanOut(viewers, figures.get(push + "deltaBytes").intValue(), "raw." + rate + "." + viewers + "."));
                    }
                }
                figures.put("process.peakRssMb", probe.maxRssMb());
            }
            if (jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking"))) {
                // Where the resident memory is, by the JVM's own account, after the heaviest load; asked with the
                // service's own JDK's jcmd.
                Process jcmd = new ProcessBuilder(Path.of(java).resolveSibling("jcmd").toString(),
                        String.valueOf(service.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
                Files.write(out.resolve("native-memory-" + run + ".txt"), jcmd.getInputStream().readAllBytes());
            }
            // Read late: the log line may still be on its way when the service first answers ready.
            var started = STARTED_IN.matcher(service.output());
            figures.put("startup.quarkusStartedInSeconds", started.find() ? Double.parseDouble(started.group(1)) : Double.NaN);
            if (options.containsKey("jfr")) {
                // The recording is written as the JVM exits on its own: a SIGTERM, not the kill that closing it is.
                service.stop(Duration.ofSeconds(60));
            }
        }
        int[] counts = viewerCounts();
        if (counts.length > 1) {
            for (String rate : rates()) {
                // What one more viewer costs: the growth of the service's CPU over the growth of the deltas it wrote.
                String low = "push." + rate + "." + counts[0];
                String high = "push." + rate + "." + counts[counts.length - 1];
                figures.put("push." + rate + ".marginalCpuUsPerDelta", 1e6 * (figures.get(high + ".cpuSeconds")
                        - figures.get(low + ".cpuSeconds")) / (figures.get(high + ".deltas") - figures.get(low + ".deltas")));
            }
        }
    }

    /**
     * Options added to the image's for the service (--service-jvm -Xmx128m,-XX:NativeMemoryTracking=summary), to try
     * others. A collector or header layout other than the image's also needs a cache trained with it: they are given
     * to the training start too.
     */
    private List<String> serviceJvmOptions() {
        String given = options.getOrDefault("service-jvm", "").trim();
        return given.isEmpty() ? List.of() : List.of(given.split("[\\s,]+"));
    }

    /**
     * The image's runtime, a JDK of the image's Java (src/main/docker/Dockerfile.jvm): given, or (auto) installed beside
     * the one running the benchmark; none runs the service on this JDK, without the ahead-of-time cache.
     */
    private Optional<String> imageJava() throws Exception {
        String given = options.get("image-java");
        if (given.equals("none")) {
            return Optional.empty();
        }
        if (!given.equals("auto")) {
            return Optional.of(given);
        }
        int imageJava = ServiceProcess.imageJava();
        Path jvms = Path.of(System.getProperty("java.home")).getParent();
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed.map(jdk -> jdk.resolve("bin/java").toString()).filter(java -> Files.isExecutable(Path.of(java)))
                    .filter(java -> ServiceProcess.featureVersion(java) == imageJava).findFirst();
        }
    }

    /**
     * The ahead-of-time cache of the image's JDK (JEPs 483, 514, 515), trained as the image's build trains it: the
     * production start with no service to reach (platform.AotTraining), stopped once started. The cache records the
     * classes that start loads and links and the methods' profiles; each measured launch maps them.
     */
    private Path trainAotCache(String java) throws Exception {
        Path cache = out.resolve("service.aot");
        Files.deleteIfExists(cache);
        System.out.println("Training the ahead-of-time cache with " + java + ", as the image's build does");
        Map<String, String> asInTheImageBuild = new LinkedHashMap<>();
        asInTheImageBuild.put("QUARKUS_PROFILE", "prod,aot-training");
        for (String service : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "EXCHANGEPULSE_OIDC_CLIENT_SECRET", "EXCHANGEPULSE_SESSION_SECRET")) {
            asInTheImageBuild.put(service, "");
        }
        List<String> jvmOptions = new ArrayList<>(serviceJvmOptions());
        // Writing the cache takes more metaspace than the service's cap (the image's build gives the same).
        jvmOptions.addAll(List.of("-XX:MaxMetaspaceSize=512m", "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error,cds=error"));
        int exit = ServiceProcess.start("bench-aot-training", asInTheImageBuild, java, jvmOptions).awaitExit(Duration.ofMinutes(3));
        if (exit != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("the training start wrote no cache (exit " + exit + "); see target/it-logs/bench-aot-training.log");
        }
        return cache;
    }

    /** Launch to ready of one more start of the service, stopped once ready. */
    private double readyTime(String java, List<String> jvmOptions) throws Exception {
        long launched = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start("bench-build-jdk", ServiceProcess.SYSTEM_CLOCK, java, jvmOptions).awaitReady(Duration.ofSeconds(120))) {
            return (System.nanoTime() - launched) / 1e9;
        }
    }

    /** Plain Kafka clients on the same broker with records the size of an exchange: the ceiling of ingest. */
    private Map<String, Double> rawKafka(int run, int records) throws Exception {
        String topic = "bench.raw." + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PulseServices.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        byte[] value = MAPPER.writeValueAsBytes(new SeedShapedTraffic(1, Instant.now()).next(Instant.now()));
        AtomicLong consumed = new AtomicLong();
        Thread consumer = new Thread(() -> {
            try (var c = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PulseServices.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-raw", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(topic));
                while (consumed.get() < records) {
                    consumed.addAndGet(c.poll(Duration.ofMillis(100)).count());
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
        return Map.of("rawKafka.perSecond", records / ((System.nanoTime() - begin) / 1e9));
    }

    /**
     * The de-duplication table as a service that has run for a while holds it: {@code ids} counted over the
     * past week, in the partitions of their days (made here where the fresh database has none yet).
     */
    private static void storeAWeekOfIds(int ids) throws Exception {
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
    private Map<String, Double> ingestThroughKafka(int events) throws Exception {
        Instant start = phaseStart(Duration.ofMinutes(20));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
        for (Map<String, Object> exchange : exchangesFrom(start, Duration.ofMillis(1), events)) {
            records.add(new ProducerRecord<>(Counts.EXCHANGES, (String) exchange.get("id"), MAPPER.writeValueAsBytes(exchange)));
        }
        long before = counted(start, events);
        long begin = System.nanoTime();
        try (var producer = producer()) {
            records.forEach(producer::send);
        }
        Counts.awaitCaughtUp();
        double seconds = (System.nanoTime() - begin) / 1e9;
        return Map.of("ingestKafka.perSecond", events / seconds, "ingestKafka.exact", exact(counted(start, events) - before, events));
    }

    /** Exchanges POSTed in batches of 1,000 by 8 concurrent clients, timed until all are counted, and checked exact. */
    private Map<String, Double> ingestOverHttp(int port, int events) throws Exception {
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
        long before = counted(start, events);
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
        return Map.of("ingestHttp.perSecond", events / seconds, "ingestHttp.failedRequests", (double) failures.get(),
                "ingestHttp.exact", exact(counted(start, events) - before, events));
    }

    private static double exact(long counted, int events) {
        if (counted != events) {
            System.out.printf("NOT EXACT: %,d counted of %,d sent%n", counted, events);
        }
        return counted == events ? 1 : 0;
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

    /**
     * The exchanges counted in the minutes a phase of {@code events} (one a millisecond) from {@code start}
     * covers; taken before and after, since the runs' phases can share minutes.
     */
    private static long counted(Instant start, int events) throws Exception {
        Instant end = start.plusMillis(events).plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        return Counts.stored(CounterFamily.SCOPE_CHANNEL, Grain.MINUTE, start, end).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Viewers connected to /live while exchanges arrive at a fixed rate: for each delta, the time from the newest
     * event it folds in (its append to Kafka) to its arrival at the viewer; and the service's CPU over the
     * measured seconds, against the deltas it wrote in them. The figures are named {@code key} and what they are.
     */
    private Map<String, Double> push(ServiceProcess service, ProcessProbe probe, int rate, int count, String key) throws Exception {
        int warmup = option("warmup");
        int seconds = option("seconds");
        try (Viewers viewers = Viewers.connect(count, service.port(), "/live", WallAccounts::bearer)) {
            int total = rate * (warmup + seconds);
            List<Map<String, Object>> exchanges = exchangesFrom(Instant.now(), Duration.ZERO, total);
            long[] machineBefore = new long[2];
            double cpuBefore = 0;
            long begin = System.nanoTime();
            try (var producer = producer()) {
                for (int i = 0; i < total; i++) {
                    if (i == rate * warmup) {
                        // The first seconds at the rate warm the JIT and the connections up; only the steady state counts.
                        viewers.measure(true);
                        machineBefore = machineCpuTicks();
                        cpuBefore = probe.cpuSeconds();
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
            viewers.measure(false);
            double cpu = probe.cpuSeconds() - cpuBefore;
            long[] machineAfter = machineCpuTicks();
            Percentiles latency = viewers.eventToScreen();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put(key + "p50Ms", latency.millis(50));
            figures.put(key + "p99Ms", latency.millis(99));
            figures.put(key + "p999Ms", latency.millis(99.9));
            figures.put(key + "deltas", (double) viewers.deltas());
            figures.put(key + "deltaBytes", (double) viewers.meanDeltaBytes());
            figures.put(key + "cpuSeconds", cpu);
            figures.put(key + "cpuUsPerDelta", 1e6 * cpu / Math.max(1, viewers.deltas()));
            figures.put(key + "machineBusy", (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]));
            return figures;
        }
    }

    /** The same number of viewers on a plain Vert.x server writing messages of the service's delta size at its tick. */
    private Map<String, Double> rawFanOut(int count, int messageBytes, String key) throws Exception {
        try (RawFanOut server = new RawFanOut(TICK_MILLIS);
             Viewers viewers = Viewers.connect(count, server.port(), "/", null)) {
            server.messageBytes(messageBytes);
            Thread.sleep(1000L * option("warmup"));
            viewers.measure(true);
            double cpuBefore = server.cpuSeconds();
            Thread.sleep(1000L * option("seconds"));
            viewers.measure(false);
            double cpu = server.cpuSeconds() - cpuBefore;
            return Map.of(key + "cpuUsPerMessage", 1e6 * cpu / Math.max(1, viewers.deltas()),
                    key + "p50Ms", viewers.eventToScreen().millis(50), key + "p99Ms", viewers.eventToScreen().millis(99),
                    key + "messages", (double) viewers.deltas());
        }
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

    /**
     * Exchanges as a busy center sends them, one every {@code spacing} from {@code start}, with ids of their own
     * (two phases that start in the same minute must not send the same ids: the second would not be counted).
     */
    private static List<Map<String, Object>> exchangesFrom(Instant start, Duration spacing, int count) {
        SeedShapedTraffic traffic = new SeedShapedTraffic(System.nanoTime(), start);
        List<Map<String, Object>> exchanges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exchanges.add(traffic.next(start.plus(spacing.multipliedBy(i))));
        }
        return exchanges;
    }

    private static List<Exchange> parsed(List<Map<String, Object>> exchanges) {
        ExchangeReader reader = new ExchangeReader();
        return exchanges.stream().map(exchange -> reader.read(MAPPER.valueToTree(exchange)).value()).toList();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PulseServices.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    /** The table of the runs so far, and latest.json (after every run, so a long benchmark shows its progress). */
    private void report(boolean last) throws Exception {
        Map<String, Spread> summary = new LinkedHashMap<>();
        runs.get(0).keySet().forEach(key -> summary.put(key, Spread.of(runs.stream().map(run -> run.getOrDefault(key, Double.NaN)).toList())));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        results.put("options", options);
        results.put("summary", summary);
        results.put("runs", runs);
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(out.resolve("latest.json"), json);
        if (last) {
            Files.writeString(out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json"), json);
        }
        new BenchmarkTable(summary, runs.size(), viewerCounts(), rates()).print(System.out);
        BenchmarkPlots plots = new BenchmarkPlots(summary, viewerCounts(), rates());
        Files.writeString(out.resolve("latency.svg"), plots.latency());
        Files.writeString(out.resolve("ingest.svg"), plots.ingest());
        System.out.println("Written to " + out.resolve("latest.json") + ", latency.svg and ingest.svg");
    }
}
