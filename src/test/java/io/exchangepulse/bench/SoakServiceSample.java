package io.exchangepulse.bench;

import io.exchangepulse.support.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a leak in the service would pile up, at one moment: its heap just after a full collection (asked for with
 * {@code jcmd GC.run}, then read from its own metrics), its resident memory and threads, its open files and how many
 * of them are sockets (the browser's, the viewers', Kafka's and PostgreSQL's), and the live viewers it counts.
 */
record SoakServiceSample(double heapMb, double rssMb, long threads, long openFiles, long sockets, long viewers) {

    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern VIEWERS = Pattern.compile("(?m)^pulse_live_viewers(?:\\{[^}]*})? (\\S+)$");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static SoakServiceSample read(ServiceProcess service) throws Exception {
        // The service runs on this JVM's Java (ServiceProcess), whose jcmd speaks to it.
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        Process collect = new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run").redirectErrorStream(true).start();
        collect.getInputStream().readAllBytes();
        if (collect.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed on the service");
        }
        String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.managementPort() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0;
        for (Matcher pool = HEAP_USED.matcher(metrics); pool.find(); ) {
            heap += Double.parseDouble(pool.group(1));
        }
        Matcher viewers = VIEWERS.matcher(metrics);
        long pid = service.pid();
        return new SoakServiceSample(heap / (1024 * 1024), ProcessProbe.status(pid, "VmRSS") / 1024.0, ProcessProbe.status(pid, "Threads"),
                openFiles(pid, ""), openFiles(pid, "socket:"), viewers.find() ? (long) Double.parseDouble(viewers.group(1)) : -1);
    }

    /** The process's open files whose link starts with {@code kind}. */
    private static long openFiles(long pid, String kind) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return files.filter(file -> {
                try {
                    return Files.readSymbolicLink(file).toString().startsWith(kind);
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }
}
