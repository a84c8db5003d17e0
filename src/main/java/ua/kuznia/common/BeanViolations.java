package ua.kuznia.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Bean validation inside a service, with each message kept in every language of the pages: the API
 * answers with the English text, and a page that shows the violation (an uploaded file's bad row,
 * say) renders it in its own language through {@link Problem.Violation#messageIn}. The constraints
 * are checked once per language, since a message is interpolated when the violation is created.
 */
public final class BeanViolations {

    /** The languages of the pages besides English (see the message bundles). */
    static final List<Locale> PAGE_LANGUAGES = List.of(Locale.forLanguageTag("uk"));

    private BeanViolations() {
    }

    /** The violations of {@code body}, each with its English message and its page translations. */
    public static <T> List<Problem.Violation> of(ValidatorFactory validators, T body, Function<ConstraintViolation<T>, String> field) {
        Set<ConstraintViolation<T>> english = validators.getValidator().validate(body);
        if (english.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Deque<String>>> translated = new HashMap<>();
        for (Locale language : PAGE_LANGUAGES) {
            Map<String, Deque<String>> messages = new HashMap<>();
            for (ConstraintViolation<T> v : validators.usingContext()
                    .messageInterpolator(inLocale(validators.getMessageInterpolator(), language)).getValidator().validate(body)) {
                messages.computeIfAbsent(key(v), k -> new ArrayDeque<>()).add(v.getMessage());
            }
            translated.put(language.getLanguage(), messages);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<T> v : english) {
            Map<String, String> byLanguage = new HashMap<>();
            translated.forEach((language, messages) -> {
                Deque<String> same = messages.get(key(v));
                if (same != null && !same.isEmpty()) {
                    byLanguage.put(language, same.poll());
                }
            });
            String message = v.getMessage();
            violations.add(new Problem.Violation(field.apply(v), message,
                    m -> byLanguage.getOrDefault(m.language(), message), null));
        }
        return violations;
    }

    /** The same constraint failing at the same place, whatever the language of its message. */
    private static String key(ConstraintViolation<?> v) {
        return v.getPropertyPath() + "|" + v.getConstraintDescriptor().getAnnotation().annotationType().getName()
                + "|" + v.getMessageTemplate();
    }

    /** An interpolator that renders every message in {@code locale}, whatever it is asked for. */
    public static MessageInterpolator inLocale(MessageInterpolator interpolator, Locale locale) {
        return new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
            }
        };
    }
}
