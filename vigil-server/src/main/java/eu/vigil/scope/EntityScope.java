package eu.vigil.scope;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.nis2.Classification;
import eu.vigil.core.nis2.EntityProfile;
import eu.vigil.core.nis2.EntityProfileReader;
import eu.vigil.core.nis2.InvalidProfileException;
import eu.vigil.core.nis2.ScopeClassifier;
import eu.vigil.core.nis2.ScopeResult;
import eu.vigil.scope.internal.ProfileVersions;
import eu.vigil.scope.internal.ScopeJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity profile of this installation and its NIS2 classification. Saving a profile checks it
 * completely (every field problem is reported, nothing is saved), classifies it, keeps the previous
 * versions, audits the change and publishes {@link EntityProfileChanged}.
 */
@Service
public class EntityScope {

    private final ProfileVersions versions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityProfileReader reader = new EntityProfileReader();
    private final ScopeClassifier classifier = new ScopeClassifier();

    EntityScope(ProfileVersions versions, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.versions = versions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The profile in force, or empty before the first one is saved. */
    @Transactional(readOnly = true)
    public Optional<ScopeSnapshot> current() {
        return versions.latest();
    }

    /** The profile in force; throws {@link ProfileNotSet} before the first one is saved. */
    @Transactional(readOnly = true)
    public ScopeSnapshot require() {
        return current().orElseThrow(ProfileNotSet::new);
    }

    /** Every saved version, newest first. */
    @Transactional(readOnly = true)
    public List<ScopeSnapshot> history() {
        return versions.all();
    }

    /**
     * Checks, classifies and saves a profile file (JSON, the format of {@code vigil scope --profile}).
     *
     * @throws InvalidProfileException naming every field at fault; nothing is saved then
     */
    @Transactional
    public ScopeSnapshot save(byte[] profileJson, String actor) {
        EntityProfile profile = reader.read(profileJson);
        ScopeResult result = classifier.classify(profile);
        Optional<ScopeSnapshot> before = versions.latest();
        int version = before.map(s -> s.version() + 1).orElse(1);
        ScopeSnapshot saved = new ScopeSnapshot(version, profile, result, actor, clock.instant());
        versions.insert(saved, ScopeJson.write(profile), ScopeJson.write(result));
        Classification previous = before.map(s -> s.result().classification()).orElse(null);
        audit.record(AuditEvent.of("scope.profile.save").object("entity-profile", version)
                .detail("classification", result.classification().code())
                .detail("previous", previous == null ? "none" : previous.code())
                .detail("indirectlyAffected", result.indirectlyAffected())
                .detail("rules", String.join(",", result.ruleIds())));
        events.publishEvent(new EntityProfileChanged(version, result.classification(), previous,
                result.indirectlyAffected()));
        return saved;
    }

    /** Every problem of a profile file, without saving it; empty when it can be classified. */
    public List<eu.vigil.core.nis2.FieldProblem> problems(byte[] profileJson) {
        try {
            classifier.classify(reader.read(profileJson));
            return List.of();
        } catch (InvalidProfileException e) {
            return e.problems();
        }
    }

    /** The JSON of a classification exactly as {@code vigil scope} prints it. */
    public String json(ScopeResult result) {
        return ScopeJson.write(result);
    }

    /** The JSON of a profile in the profile file format. */
    public String json(EntityProfile profile) {
        return ScopeJson.write(profile);
    }
}
