package eu.vigil.scope.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.core.nis2.EntityProfile;
import eu.vigil.core.nis2.ScopeResult;

/**
 * Profiles and results as JSON, with the same (Jackson 2) mapper settings as {@code vigil scope},
 * so that the server's API and the CLI print the same document.
 */
public final class ScopeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScopeJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static EntityProfile readProfile(String json) {
        return read(json, EntityProfile.class);
    }

    static ScopeResult readResult(String json) {
        return read(json, ScopeResult.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
