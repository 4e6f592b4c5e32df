package eu.vigil.vulndb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import eu.vigil.core.osv.OsvVulnerability;
import org.junit.jupiter.api.Test;

class DecodedRecordsTests {

    private static OsvVulnerability record(String id) {
        return new OsvVulnerability(id, List.of(), "2026-01-01T00:00:00Z", null, null, null, List.of(), null, List.of(), "test");
    }

    @Test
    void anEntryIsReturnedOnlyForTheContentItWasDecodedFrom() {
        DecodedRecords cache = new DecodedRecords(1 << 20);
        OsvVulnerability v = record("GHSA-1");
        cache.put("GHSA-1", "hash-a", v, 400);

        assertThat(cache.get("GHSA-1", "hash-a")).isSameAs(v);
        assertThat(cache.get("GHSA-1", "hash-b")).as("replaced on another node").isNull();
        assertThat(cache.get("GHSA-2", "hash-a")).isNull();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBudgetIsFull() {
        int each = DecodedRecords.estimate(400);
        DecodedRecords cache = new DecodedRecords(3L * each);
        cache.put("A", "a", record("A"), 400);
        cache.put("B", "b", record("B"), 400);
        cache.put("C", "c", record("C"), 400);
        cache.get("A", "a"); // A used again: B is now the eldest
        cache.put("D", "d", record("D"), 400);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.weight()).isEqualTo(3L * each);
        assertThat(cache.get("B", "b")).isNull();
        assertThat(cache.get("A", "a")).isNotNull();
        assertThat(cache.get("D", "d")).isNotNull();
    }

    @Test
    void forgottenAndOversizedRecordsAreNotKept() {
        DecodedRecords cache = new DecodedRecords(DecodedRecords.estimate(1000));
        cache.put("A", "a", record("A"), 400);
        cache.put("BIG", "x", record("BIG"), 5000);
        cache.forget(List.of("A", "unknown"));

        assertThat(cache.size()).isZero();
        assertThat(cache.weight()).isZero();
        assertThat(new DecodedRecords(0).size()).isZero();
    }
}
