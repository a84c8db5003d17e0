package ua.kuznia.common;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Numbers in query and form parameters. JAX-RS answers a query parameter that does not convert
 * with a 404 naming nothing (and a form field with a bare 400); here it is a 400 problem naming
 * the parameter and the rule, as for a body. Path parameters keep the 404: a path with a
 * non-numeric id names nothing that can exist.
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        // An empty field of a search form means "any"; a form post's fields (a version, a list
        // of ids) must hold a number.
        boolean blankIsNone = !rawType.isPrimitive() && query(annotations);
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, Integer::valueOf, true, blankIsNone);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, Long::valueOf, true, blankIsNone);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) new Converter<>(name, NumberParams::finite, false, blankIsNone);
        }
        return null;
    }

    /** "NaN" and "Infinity" parse as doubles, and NaN slips through every range check. */
    private static Double finite(String value) {
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
            throw new NumberFormatException(value);
        }
        return parsed;
    }

    private static boolean query(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam || annotation instanceof RestQuery) {
                return true;
            }
        }
        return false;
    }

    /** The parameter's name when it is a query or form parameter; null otherwise. */
    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof FormParam form) {
                return form.value();
            }
            // Without a value these take the Java parameter's name, which is not at hand here.
            if (annotation instanceof RestQuery query) {
                return query.value().isEmpty() ? "query" : query.value();
            }
            if (annotation instanceof RestForm form) {
                return form.value().isEmpty() ? "form" : form.value();
            }
        }
        return null;
    }

    /** @param blankIsNone a blank value means none, as an empty field of a search form */
    private record Converter<N extends Number>(String name, Function<String, N> parse, boolean whole, boolean blankIsNone)
            implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null || blankIsNone && value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(name, whole ? (Problem.Text) m -> m.not_whole_number(value)
                        : m -> m.not_a_number(value));
            }
        }

        @Override
        public String toString(N value) {
            return String.valueOf(value);
        }
    }
}
