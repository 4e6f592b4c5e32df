package eu.vigil.bench.cvss;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.cvss.Cvss;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Vectors parsed and scored per second on one thread, over the real vectors of the shared CVSS
 * suites (VIGIL_TESTDATA, or shared/testdata beside the repository), shuffled so that versions mix;
 * random valid vectors when the suites are absent. Each operation is one vector:
 * {@code bench/run org.openjdk.jmh.Main CvssScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CvssScoringBenchmark {

    /** Exactly the number of vectors each benchmark invocation scores. */
    static final int BATCH = 4096;

    /** mixed: every suite; or one version only. */
    @Param({"mixed", "3.1", "4.0"})
    public String set;

    private String[] vectors;

    @Setup
    public void load() throws IOException {
        List<String> all = suiteVectors();
        if (all.isEmpty()) {
            System.err.println("CVSS suites not found: scoring random valid vectors");
            all = randomVectors(20_000);
        }
        List<String> chosen = new ArrayList<>();
        for (String vector : all) {
            if (set.equals("mixed") || vector.startsWith("CVSS:" + set + "/")) {
                chosen.add(vector);
            }
        }
        Collections.shuffle(chosen, new Random(42));
        vectors = new String[BATCH];
        for (int index = 0; index < BATCH; index++) {
            vectors[index] = chosen.get(index % chosen.size());
        }
        System.err.println(chosen.size() + " distinct vectors in set " + set);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void vigil(Blackhole sink) {
        for (String vector : vectors) {
            sink.consume(Cvss.parse(vector).score());
        }
    }

    /** The same work with cvss-calculator 1.5.1, for comparison (its parser is lenient). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void cvssCalculator(Blackhole sink) {
        for (String vector : vectors) {
            sink.consume(us.springett.cvss.Cvss.fromVector(vector).calculateScore().getBaseScore());
        }
    }

    static List<String> suiteVectors() throws IOException {
        Path folder = testData().resolve("cvss");
        List<String> vectors = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return vectors;
        }
        ObjectMapper json = new ObjectMapper();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                for (JsonNode entry : json.readTree(file.toFile())) {
                    vectors.add(entry.get("vector").asText());
                }
            }
        }
        return vectors;
    }

    private static Path testData() {
        String configured = System.getenv("VIGIL_TESTDATA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/testdata");
    }

    static List<String> randomVectors(int count) {
        Random random = new Random(7);
        String[][] v31 = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"},
                {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
        String[][] v40 = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"}, {"PR", "N", "L", "H"},
                {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"},
                {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};
        List<String> vectors = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean four = n % 2 == 0;
            StringBuilder out = new StringBuilder(four ? "CVSS:4.0" : "CVSS:3.1");
            for (String[] metric : four ? v40 : v31) {
                out.append('/').append(metric[0]).append(':').append(metric[1 + random.nextInt(metric.length - 1)]);
            }
            vectors.add(out.toString());
        }
        return vectors;
    }
}
