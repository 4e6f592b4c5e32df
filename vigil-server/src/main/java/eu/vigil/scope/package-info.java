/**
 * NIS2 scope: the entity profile of this installation (every change kept) and its classification
 * under Art. 2, 3 and 26 of Directive (EU) 2022/2555, computed by {@code eu.vigil.core.nis2}.
 * Other modules read the current classification through {@link eu.vigil.scope.EntityScope} and
 * react to {@link eu.vigil.scope.EntityProfileChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "NIS2 scope",
        allowedDependencies = {"audit", "platform", "identity"})
package eu.vigil.scope;
