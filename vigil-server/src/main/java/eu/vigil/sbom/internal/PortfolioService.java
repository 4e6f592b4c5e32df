package eu.vigil.sbom.internal;

import java.util.List;
import java.util.Optional;

import eu.vigil.sbom.Portfolio;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Portfolio} for the other modules. */
@Service
@Transactional(readOnly = true)
class PortfolioService implements Portfolio {

    private final Products products;
    private final Findings findings;

    PortfolioService(Products products, Findings findings) {
        this.products = products;
        this.findings = findings;
    }

    @Override
    public List<Product> products() {
        // a vendor's own product list is short (hundreds): the whole list is what callers ask for
        return products.products(null, 0, 10_000);
    }

    @Override
    public Optional<Product> product(long productId) {
        return products.product(productId);
    }

    @Override
    public List<Release> releases(long productId) {
        return products.releases(productId);
    }

    @Override
    public Optional<Release> release(long releaseId) {
        return products.release(releaseId);
    }

    @Override
    public Optional<FindingSummary> finding(long findingId) {
        return findings.find(findingId).map(f -> new FindingSummary(f.id(), f.releaseId(),
                f.componentPurl() != null ? f.componentPurl() : f.componentName() + "@" + f.componentVersion(),
                f.vulnId(), f.aliases(), f.summary(), f.severity(), f.cvssVector(), f.fixedVersions(), f.state()));
    }
}
