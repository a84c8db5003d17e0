package ua.kuznia.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body is read as written or refused. A fraction given for a whole number
 * ({@code "minTrl": 8.9}) is refused rather than cut to 8. (Unknown fields are refused through
 * {@code quarkus.jackson.fail-on-unknown-properties}: an update replaces the whole record, so a
 * misspelt field ignored would clear the field meant.)
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
