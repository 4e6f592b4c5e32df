package eu.vigil.bench.sbom;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.sbom.Sbom;
import eu.vigil.core.sbom.SbomReader;

/**
 * Times {@link SbomReader} on generated 10,000-component SBOMs in each of the four formats (with
 * hashes, licenses, purls, a CPE and a dependency graph, as firmware SBOMs have), then on any real
 * SBOM files given as arguments, and {@link PackageUrl#parse} throughput. "first" is the first read
 * of that input in this JVM (the very first one also pays for class loading and JIT), "warm" the
 * median of 15 reads after 20 warm-up reads, "warm cpu" the median CPU time of the reading thread
 * (less disturbed than wall time when the machine is shared).
 *
 * <p>{@code bench/run eu.vigil.bench.sbom.SbomReadBenchmark [components] [file...]}
 */
public final class SbomReadBenchmark {

    private static final int WARM_UP = 20;
    private static final int ROUNDS = 15;

    private SbomReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int components = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 10_000;
        SbomReader reader = new SbomReader();
        System.out.printf("%-28s %10s %10s %10s %10s %10s%n", "input", "size KiB", "first ms", "warm ms", "warm cpu",
                "heap MiB");
        for (String format : List.of("cyclonedx-json", "cyclonedx-xml", "spdx-json", "spdx-tag-value")) {
            measure(reader, format + " " + components, generate(format, components));
        }
        for (String file : args) {
            if (!file.matches("\\d+")) {
                measure(reader, Path.of(file).getFileName().toString(), Files.readAllBytes(Path.of(file)));
            }
        }
        purlThroughput();
    }

    private static void measure(SbomReader reader, String label, byte[] document) {
        System.gc();
        long before = usedHeap();
        long start = System.nanoTime();
        Sbom first = reader.read(document);
        long firstNanos = System.nanoTime() - start;
        long heap = usedHeap() - before;
        for (int i = 0; i < WARM_UP; i++) {
            reader.read(document);
        }
        long[] times = new long[ROUNDS];
        long[] cpuTimes = new long[ROUNDS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Sbom sbom = reader.read(document);
            cpuTimes[i] = threads.getCurrentThreadCpuTime() - cpu;
            times[i] = System.nanoTime() - t;
            if (sbom.components().size() != first.components().size()) {
                throw new IllegalStateException("unstable result");
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpuTimes);
        System.out.printf("%-28s %10d %10.1f %10.1f %10.1f %10.1f   (%d components, %d edges)%n", label,
                document.length / 1024, firstNanos / 1e6, times[ROUNDS / 2] / 1e6, cpuTimes[ROUNDS / 2] / 1e6,
                Math.max(0, heap) / 1048576.0, first.components().size(),
                first.dependencies().size());
    }

    private static void purlThroughput() {
        List<String> purls = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            purls.add(switch (i % 4) {
                case 0 -> "pkg:maven/org.example.group" + i + "/artifact-" + i + "@1." + i + ".0?type=jar";
                case 1 -> "pkg:npm/%40scope" + i + "/package-" + i + "@" + i + ".0.0";
                case 2 -> "pkg:deb/debian/libssl" + i + "@3.0." + i + "-1?arch=amd64&distro=bookworm";
                default -> "pkg:pypi/Django_Package" + i + "@4." + i;
            });
        }
        long best = Long.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < 20; round++) {
            long t = System.nanoTime();
            for (String purl : purls) {
                sink += PackageUrl.parse(purl).canonical().length();
            }
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("PackageUrl.parse + canonical: %.0f per second (best of 20 rounds of 10,000; %d)%n",
                purls.size() / (best / 1e9), sink % 10);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A synthetic firmware SBOM: every component has a purl, a CPE, two hashes, a license and edges. */
    static byte[] generate(String format, int count) {
        StringBuilder out = new StringBuilder(count * 600);
        switch (format) {
            case "cyclonedx-json" -> {
                out.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":"
                        + "\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":1,\"metadata\":{\"component\":"
                        + "{\"type\":\"firmware\",\"bom-ref\":\"fw\",\"name\":\"camera-fw\",\"version\":\"2.1\"}},"
                        + "\"components\":[");
                for (int i = 0; i < count; i++) {
                    out.append(i == 0 ? "" : ",").append("{\"type\":\"library\",\"bom-ref\":\"c").append(i)
                            .append("\",\"name\":\"lib").append(i).append("\",\"version\":\"1.").append(i)
                            .append("\",\"purl\":\"pkg:generic/lib").append(i).append("@1.").append(i)
                            .append("\",\"cpe\":\"cpe:2.3:a:vendor:lib").append(i).append(":1.").append(i)
                            .append(":*:*:*:*:*:*:*\",\"hashes\":[{\"alg\":\"SHA-1\",\"content\":\"").append(hex(i, 40))
                            .append("\"},{\"alg\":\"SHA-256\",\"content\":\"").append(hex(i, 64))
                            .append("\"}],\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}");
                }
                out.append("],\"dependencies\":[");
                for (int i = 0; i < count; i++) {
                    out.append(i == 0 ? "" : ",").append("{\"ref\":\"c").append(i).append("\",\"dependsOn\":[\"c")
                            .append((i + 1) % count).append("\",\"c").append((i + 7) % count).append("\"]}");
                }
                out.append("]}");
            }
            case "cyclonedx-xml" -> {
                out.append("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">"
                        + "<metadata><component type=\"firmware\" bom-ref=\"fw\"><name>camera-fw</name></component>"
                        + "</metadata><components>");
                for (int i = 0; i < count; i++) {
                    out.append("<component type=\"library\" bom-ref=\"c").append(i).append("\"><name>lib").append(i)
                            .append("</name><version>1.").append(i).append("</version><hashes><hash alg=\"SHA-1\">")
                            .append(hex(i, 40)).append("</hash><hash alg=\"SHA-256\">").append(hex(i, 64))
                            .append("</hash></hashes><licenses><license><id>MIT</id></license></licenses><cpe>")
                            .append("cpe:2.3:a:vendor:lib").append(i).append(":1.").append(i)
                            .append(":*:*:*:*:*:*:*</cpe><purl>pkg:generic/lib").append(i).append("@1.").append(i)
                            .append("</purl></component>");
                }
                out.append("</components><dependencies>");
                for (int i = 0; i < count; i++) {
                    out.append("<dependency ref=\"c").append(i).append("\"><dependency ref=\"c").append((i + 1) % count)
                            .append("\"/><dependency ref=\"c").append((i + 7) % count).append("\"/></dependency>");
                }
                out.append("</dependencies></bom>");
            }
            case "spdx-json" -> {
                out.append("{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"camera-fw\","
                        + "\"documentNamespace\":\"https://example.com/fw\",\"documentDescribes\":[\"SPDXRef-c0\"],"
                        + "\"packages\":[");
                for (int i = 0; i < count; i++) {
                    out.append(i == 0 ? "" : ",").append("{\"SPDXID\":\"SPDXRef-c").append(i).append("\",\"name\":\"lib")
                            .append(i).append("\",\"versionInfo\":\"1.").append(i)
                            .append("\",\"licenseConcluded\":\"MIT\",\"checksums\":[{\"algorithm\":\"SHA1\","
                                    + "\"checksumValue\":\"").append(hex(i, 40))
                            .append("\"},{\"algorithm\":\"SHA256\",\"checksumValue\":\"").append(hex(i, 64))
                            .append("\"}],\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":"
                                    + "\"purl\",\"referenceLocator\":\"pkg:generic/lib").append(i).append("@1.").append(i)
                            .append("\"},{\"referenceCategory\":\"SECURITY\",\"referenceType\":\"cpe23Type\","
                                    + "\"referenceLocator\":\"cpe:2.3:a:vendor:lib").append(i).append(":1.").append(i)
                            .append(":*:*:*:*:*:*:*\"}]}");
                }
                out.append("],\"relationships\":[");
                for (int i = 0; i < count; i++) {
                    out.append(i == 0 ? "" : ",").append("{\"spdxElementId\":\"SPDXRef-c").append(i)
                            .append("\",\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-c")
                            .append((i + 1) % count).append("\"},{\"spdxElementId\":\"SPDXRef-c").append(i)
                            .append("\",\"relationshipType\":\"CONTAINS\",\"relatedSpdxElement\":\"SPDXRef-c")
                            .append((i + 7) % count).append("\"}");
                }
                out.append("]}");
            }
            case "spdx-tag-value" -> {
                out.append("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: camera-fw\n"
                        + "DocumentNamespace: https://example.com/fw\nRelationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-c0\n");
                for (int i = 0; i < count; i++) {
                    out.append("\nPackageName: lib").append(i).append("\nSPDXID: SPDXRef-c").append(i)
                            .append("\nPackageVersion: 1.").append(i).append("\nPackageChecksum: SHA1: ").append(hex(i, 40))
                            .append("\nPackageChecksum: SHA256: ").append(hex(i, 64))
                            .append("\nPackageLicenseConcluded: MIT\nPackageCopyrightText: <text>Copyright ")
                            .append(i).append("\nVendor</text>\nExternalRef: PACKAGE-MANAGER purl pkg:generic/lib")
                            .append(i).append("@1.").append(i)
                            .append("\nExternalRef: SECURITY cpe23Type cpe:2.3:a:vendor:lib").append(i).append(":1.")
                            .append(i).append(":*:*:*:*:*:*:*\nRelationship: SPDXRef-c").append(i)
                            .append(" DEPENDS_ON SPDXRef-c").append((i + 1) % count).append("\nRelationship: SPDXRef-c")
                            .append(i).append(" CONTAINS SPDXRef-c").append((i + 7) % count).append('\n');
                }
            }
            default -> throw new IllegalArgumentException(format);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(int seed, int length) {
        StringBuilder hex = new StringBuilder(length);
        long value = seed * 0x9E3779B97F4A7C15L;
        while (hex.length() < length) {
            value = value * 6364136223846793005L + 1442695040888963407L;
            hex.append(Long.toHexString(value >>> 4 | 1L << 59));
        }
        return hex.substring(0, length);
    }
}
