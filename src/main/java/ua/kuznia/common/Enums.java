package ua.kuznia.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses enum query parameters. JAX-RS answers an unconvertible query parameter with 404, which
 * tells a client nothing; this gives a 400 that names the parameter and the allowed values.
 */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw ProblemException.invalid(field, m -> m.unknown_value_of(value, allowed));
    }
}
