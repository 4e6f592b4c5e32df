package eu.vigil.vulndb.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvVulnerability;
import eu.vigil.vulndb.VulnerabilityCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue other modules read, answered from the store's package index. */
@Service
@Transactional(readOnly = true)
class CatalogService implements VulnerabilityCatalog {

    private final VulnerabilityStore store;

    CatalogService(VulnerabilityStore store) {
        this.store = store;
    }

    @Override
    public List<OsvVulnerability> affecting(OsvPackageRef pkg) {
        return List.copyOf(store.affecting(List.of(pkg)).get(pkg));
    }

    @Override
    public Map<OsvPackageRef, List<OsvVulnerability>> affecting(Collection<OsvPackageRef> packages) {
        Map<OsvPackageRef, List<OsvVulnerability>> found = store.affecting(packages);
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    @Override
    public Optional<OsvVulnerability> find(String idOrAlias) {
        if (idOrAlias == null || idOrAlias.isBlank()) {
            return Optional.empty();
        }
        return store.resolve(idOrAlias.strip()).flatMap(store::json)
                .map(json -> eu.vigil.core.osv.OsvRecordReader.read(json, "vulndb"))
                .filter(v -> !v.isWithdrawn());
    }

    @Override
    public long size() {
        return store.size();
    }
}
